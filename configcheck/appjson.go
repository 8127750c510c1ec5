package configcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/twice-lint/twice/configcheck/springconf"
)

// SPRING_APPLICATION_JSON (or spring.application.json as a command-line
// argument or -D option) is a JSON object whose flattened keys Spring
// Boot adds as a property source just below the command-line arguments and
// above JVM options and the environment.

var canonAppJSON = springconf.CanonicalKey("spring.application.json")

// maxJSONEntries bounds the flattened size of one JSON value.
const maxJSONEntries = 10000

// withApplicationJSON inserts the JSON layer after the args layer of a
// container's fixed sources (args, JVM, env). The value is taken from the
// first source that sets it, as Spring does.
func withApplicationJSON(fixed []layer) []layer {
	var src setting
	for _, l := range fixed {
		if s, ok := l.lookup(canonAppJSON); ok {
			src = s
			break
		}
	}
	if src.name == "" {
		return fixed
	}
	l := layer{kind: srcJSON}
	if src.unknown {
		l.wildcard = fmt.Sprintf("%s at %s is only known at deploy time", src.name, posText(src.pos))
	} else if err := flattenJSON(src, &l); err != nil {
		l.wildcard = fmt.Sprintf("%s at %s is not a JSON object Spring can read (%v)", src.name, posText(src.pos), err)
	}
	out := slices.Clone(fixed)
	return slices.Insert(out, 1, l)
}

// flattenJSON turns {"oms":{"auth":{"openapi":{"enable":true}}}} into
// oms.auth.openapi.enable=true settings at the source's position; arrays
// give key[i].
func flattenJSON(src setting, l *layer) error {
	dec := json.NewDecoder(bytes.NewReader([]byte(src.value)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("not an object")
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		if len(l.settings) >= maxJSONEntries {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(joinKey(prefix, k), x[k])
			}
		case []any:
			for i, item := range x {
				walk(prefix+"["+strconv.Itoa(i)+"]", item)
			}
		default:
			l.settings = append(l.settings, setting{key: springconf.CanonicalKey(prefix), name: prefix, value: jsonScalar(x), pos: src.pos, via: src.name})
		}
	}
	walk("", obj)
	return nil
}

func joinKey(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

func jsonScalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return x.String()
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// layerOf returns the layer of the given kind among a container's fixed
// sources.
func layerOf(fixed []layer, kind sourceKind) *layer {
	for i := range fixed {
		if fixed[i].kind == kind {
			return &fixed[i]
		}
	}
	return nil
}
