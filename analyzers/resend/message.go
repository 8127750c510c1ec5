package resend

import (
	"fmt"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/mutation"

	"github.com/twice-lint/twice/analyzers/internal/httpstatus"
)

// describe names what an inspection looked at, for the message.
func describe(in inspection, statuses httpstatus.Set) string {
	switch in.kind {
	case inspectHeader:
		if in.name != "" {
			return "the response header " + in.name
		}
		return "a response header"
	case inspectBody:
		if in.name != "" {
			return "the response field " + in.name
		}
		return "the response body"
	case inspectDecode:
		if isDecoder(in.name) || in.name == "" {
			return "whether the response body could be decoded"
		}
		return "the response (the error of " + in.name + ")"
	case inspectHelper:
		return "the response (in " + in.name + ")"
	}
	return describeStatus(statuses)
}

// describeStatus names the statuses with which the second send happens.
func describeStatus(s httpstatus.Set) string {
	codes := s.Codes()
	switch {
	case len(codes) == 1:
		return fmt.Sprintf("the response status (%d)", codes[0])
	case s.SubsetOf(httpstatus.ServerErrors()):
		return "the response status (5xx)"
	case !s.Intersects(httpstatus.Successes()):
		return "the response status (not 2xx)"
	}
	return "the response status"
}

func isDecoder(name string) bool {
	for _, w := range []string{"Decode", "Unmarshal", "ReadAll", "decode", "unmarshal", "parse", "Parse"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// message is the diagnostic text: what is sent again, after what, why it
// duplicates, the fix, and (for a re-send reported only at
// -unsaferetry.confidence=low) what to check.
func message(op mutation.Op, recursiveIn string, looked string, line int, check string) string {
	desc := op.Desc
	if desc == "" {
		desc = "the request"
	}
	effect := op.Effect
	if effect == "" {
		effect = "the operation can be applied twice"
	}
	how := "is sent again"
	if recursiveIn != "" {
		how = "is sent again by the recursive call of " + recursiveIn
	}
	if check != "" {
		check = "; " + check
	}
	return fmt.Sprintf("%s %s after inspecting %s (line %d); if the first request was executed, %s: "+
		"re-send only when the server refused the request (401/403/407/429), or make the request idempotent "+
		"(an Idempotency-Key created once and sent with both)%s (suppress with //nolint:resend if it is safe)",
		desc, how, looked, line, effect, check)
}
