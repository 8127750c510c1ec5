package mutation

// The checks: what a user should look at before deciding that a write
// reported at -unsaferetry.confidence=low is a bug.

// basisWord names a basis in a check.
var basisWord = map[Basis]string{BasisPrimitive: "call", BasisSender: "sender", BasisName: "name", BasisPath: "path", BasisNone: "request"}

// Check says what the user should check before deciding a reported
// uncertain write is a bug; "" for a certain one.
func (j Judgement) Check() string {
	switch {
	case j.Certain():
		return ""
	case j.Purpose == PurposeCreate:
		return "check: its " + basisWord[j.Basis] + " says it creates something, but whether a repeat makes a second one is the API's rule, which the client code does not show: if every call makes a new one, a lost response leaves a duplicate; if the API refuses a second one with the same name or key in the body (409, already exists) or honours an idempotency key or request id, a repeat is harmless"
	case j.Purpose == PurposeSend:
		return "check: only its path says it adds to a stream (an event, a message); if the API deduplicates by an id in the body (an event or message id), a repeat is harmless, otherwise each attempt adds one more"
	case j.Purpose == PurposeNamedCreate && j.SingletonOfReceiver:
		return "check: it creates " + j.Singleton + "; if the API refuses a second (409, already exists) or replaces it, a repeat is harmless"
	case j.Purpose == PurposeNamedCreate && j.Singleton != "":
		return "check: it creates " + j.Singleton + ", of which the resource named in the path has one; if the API refuses a second (409, already exists) or replaces it, a repeat is harmless"
	case j.Purpose == PurposeNamedCreate:
		return "check: it creates under the " + j.Named + " its caller chose; if the API refuses a second one with the same " + j.Named + " (409, already exists), a repeat is harmless"
	case j.Update != "":
		return "check: a " + j.Update + " update usually leaves the same state when repeated; it is a duplicate only if it adds or counts something"
	case j.Unsure == UnsurePoints:
		return "check: only its name says what it does (twice cannot see its body), and it sends measurement points with their timestamps; a store that keys points by series and timestamp overwrites a repeat, one that appends rows keeps both"
	case j.Unsure == UnsureMutation:
		return "check: its GraphQL mutation " + j.Named + " is named for neither a create nor a send; if it sets a state (a status, a setting) or acts on one, a repeat leaves it as it was"
	case j.Unsure == UnsureSession:
		return "check: it opens a session, and a repeat opens a second one; that duplicates nothing unless sessions are limited (an API that allows one per client refuses the second)"
	case j.Unsure == UnsureToken:
		return "check: it issues a token, and a repeat issues a second one; that duplicates nothing unless the tokens are counted or limited"
	case j.Unsure == UnsurePublished:
		return "check: it publishes " + j.Named + ", not a message; publishing usually makes a resource's current state public or versions it, which a repeat finds done (some APIs return the existing version when nothing changed); it is a duplicate only if every publish adds a new version"
	case j.Unsure == UnsurePathless:
		return "check: twice cannot see the request's path, and only the name " + j.Named + " says it creates something; a repeat duplicates something only if every call adds a new one: a create keyed by what its caller passes, or refused when repeated, is harmless"
	case j.Unsure == UnsureName:
		return "check: only its name says it " + j.Named + " (twice cannot see what it does); a repeat duplicates something only if every call adds a new one: a call keyed by what its caller passes, or refused when repeated, is harmless"
	case j.Unsure == UnsureLogTable:
		return "check: it adds a row to " + j.Named + ", a log of what happened; a repeat records the operation twice, which duplicates nothing unless those rows are counted or acted on"
	case j.Unsure == UnsureRawBody:
		return "check: its body comes from its caller as raw bytes, so twice cannot see whether it names the new thing; if the API refuses a second one with the same name (409, already exists), a repeat is harmless"
	case j.Unsure == UnsureDocAction:
		return "check: its name says no more than its method and path, and its documentation calls it an action (" + j.Named + ") on what exists; a repeat usually finds it done, and duplicates something only if each call adds a new one"
	case j.Unsure == UnsureKeyField:
		return "check: its request carries " + j.Named + ", a required field the API documents as an idempotency key, so a repeat with the same " + j.Named + " is ignored; it duplicates something only if the caller gives a new " + j.Named + " to each attempt"
	case j.Unsure == UnsurePart:
		return "check: it uploads one part of a larger upload; a protocol that addresses parts by number or offset (a multipart upload's part number, a block list, an upload session's range) rewrites a repeated part, and only one that appends chunks in arrival order keeps both"
	case j.Unsure == UnsureSetUp:
		return "check: only its name says create (twice cannot see its body) and it is given nothing to create from; if it sets something up or opens a session, a repeat finds it in place or opens another, and duplicates nothing"
	}
	return "check: its names and path do not say whether it adds something (a create, an event) or acts on existing state, which a repeat usually leaves as it was"
}
