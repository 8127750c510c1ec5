package mutation

import "strings"

// Actions on one member of a collection. REST APIs expose state changes of
// an existing resource as a POST to a verb under its id
// (/projects/{id}/archive, /issues/{id}/subscribe, /keys/{id}/enable,
// /payment_intents/{id}/cancel). Sent twice, such a request finds the state
// it asked for already reached, or the server refuses the transition; it
// does not add anything. Actions that make something new each time
// (/jobs/{id}/retry, /commits/{id}/revert, /charges/{id}/refund,
// /tokens/{id}/rotate) are not in the list and stay writes, and so does a
// verb that is not under a member (/subscribe on its own may create a
// subscription per call).

// transitionWords name a state an existing resource is put in.
var transitionWords = map[string]bool{
	"subscribe": true, "unsubscribe": true, "star": true, "unstar": true, "archive": true, "unarchive": true,
	"block": true, "unblock": true, "ban": true, "unban": true, "approve": true, "unapprove": true,
	"reject": true, "lock": true, "unlock": true, "pin": true, "unpin": true, "mute": true, "unmute": true,
	"follow": true, "unfollow": true, "close": true, "reopen": true, "accept": true, "decline": true,
	"confirm": true, "protect": true, "unprotect": true, "hide": true, "unhide": true, "verify": true,
	// A lease or certificate renewed again gets the same extension from
	// now; one revoked again stays revoked.
	"renew": true, "revoke": true,
}

// MemberActionPOST reports whether a POST to path (as urlPath renders it)
// asks for a state transition of one existing resource: the last segment
// is made only of transition or state words (subscribe, archive, enable,
// cancel) and the segment before it is a member's id ({…}).
func MemberActionPOST(path string) bool {
	parent, last := splitLastSegment(path)
	if last == "$ref" && parent != "" {
		// OData: POST /groups/{id}/owners/$ref adds a reference to a
		// collection of links; the same reference again is refused
		// ("added object references already exist")
		return true
	}
	if !strings.HasSuffix(parent, "{…}") || strings.Contains(last, "{") {
		return false
	}
	words := nameWords(last)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !transitionWords[w] && !stateWords[w] {
			return false
		}
	}
	return true
}
