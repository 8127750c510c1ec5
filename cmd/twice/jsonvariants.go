package main

import (
	"bytes"
	"encoding/json"
	"strings"
)

// dropVariantRepeats removes from each test variant ("p [p.test]") the
// diagnostics its package p already lists. The x/tools driver analyzes a
// package and its test variant separately, so a finding in a non-test file
// appears under both IDs; a consumer counting entries would count it twice.
// Findings only the variant has (in _test.go files) and errors stay.
func dropVariantRepeats(tree map[string]map[string]json.RawMessage) {
	for id, byAnalyzer := range tree {
		base, _, isVariant := strings.Cut(id, " [")
		if !isVariant || tree[base] == nil {
			continue
		}
		for name, raw := range byAnalyzer {
			kept, changed := withoutRepeats(raw, tree[base][name])
			switch {
			case !changed:
			case kept == nil:
				delete(byAnalyzer, name)
			default:
				byAnalyzer[name] = kept
			}
		}
		if len(byAnalyzer) == 0 {
			delete(tree, id)
		}
	}
}

// withoutRepeats returns the diagnostics of list that are not in base
// (nil when none is left) and whether any was dropped. A list that is not
// an array of diagnostics (an {"error": …}) is left alone.
func withoutRepeats(list, base json.RawMessage) (json.RawMessage, bool) {
	var items, baseItems []json.RawMessage
	if json.Unmarshal(list, &items) != nil || json.Unmarshal(base, &baseItems) != nil {
		return list, false
	}
	seen := map[string]bool{}
	for _, b := range baseItems {
		seen[compact(b)] = true
	}
	var kept []json.RawMessage
	for _, it := range items {
		if !seen[compact(it)] {
			kept = append(kept, it)
		}
	}
	if len(kept) == len(items) {
		return list, false
	}
	if len(kept) == 0 {
		return nil, true
	}
	out, err := json.Marshal(kept)
	if err != nil {
		return list, false
	}
	return out, true
}

func compact(raw json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}
