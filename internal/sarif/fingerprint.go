package sarif

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
)

// FingerprintKey names twice's partialFingerprints entry, the same in both
// halves' SARIF. v3 (one scheme for both): rule id, the result's artifact
// URI as written (relative to %SRCROOT%, the work tree top) and the text of
// the reported line without whitespace, plus an ordinal among results with
// the same three. v1 (Go) and v2 (config) hashed different inputs relative
// to different roots.
const FingerprintKey = "twiceFinding/v3"

// Fingerprints computes FingerprintKey values for the results of one run,
// given in location order (the ordinal tells identical lines apart).
type Fingerprints struct {
	seen map[string]int
}

// NewFingerprints starts a run's fingerprints.
func NewFingerprints() *Fingerprints { return &Fingerprints{seen: map[string]int{}} }

var (
	whitespace = regexp.MustCompile(`\s+`)
	// lineRefs are the line numbers a message may quote ("line 44",
	// "lines 3-5", "x.yml:12"); they move with the code.
	lineRefs = regexp.MustCompile(`\blines? \d+(-\d+)?|:\d+`)
)

// Next returns the fingerprint of the next result. lineText is the reported
// line's text, or ok=false when it cannot be read; then the message, with
// the line numbers it quotes removed, stands in for it. The line number
// itself is never hashed, so a finding keeps its fingerprint when lines are
// inserted above it, and re-indenting or re-spacing the line keeps it too.
func (f *Fingerprints) Next(rule, uri, lineText string, ok bool, message string) string {
	text := "line:" + whitespace.ReplaceAllString(lineText, "")
	if !ok {
		text = "message:" + lineRefs.ReplaceAllString(message, "")
	}
	key := rule + "\x00" + uri + "\x00" + text
	n := f.seen[key]
	f.seen[key] = n + 1
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
	return hex.EncodeToString(sum[:16])
}
