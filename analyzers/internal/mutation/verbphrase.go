package mutation

import "strings"

// Verb phrases. The verb heuristic reads the first word of a name, but
// some names start with a creating verb and go on to say the call is safe
// to repeat:
//   - an upsert: "X or update/replace" (CreateOrUpdateConsumer,
//     InsertOrReplace, CreateOrReplaceSecret) writes the same state under the
//     same name however often it runs; "X or get" (CreateOrGet) creates only
//     when the thing is missing and otherwise reads it;
//   - a create-if-missing: CreateIfNotExists, InsertIfAbsent;
//   - a protocol signal: SendAcks, SendNacks, SendHeartbeat, PostKeepAlive,
//     a lease renewal. Acknowledging the same delivery again, beating the
//     same heart or renewing the same lease is idempotent by protocol: the
//     broker or server settles a delivery once, a TTL is reset, not added.
//
// "SendOrQueue" is not an upsert (both branches send), and the words after
// the phrase do not matter: CreateOrUpdateConsumer is an upsert of a
// consumer.

// orSafe are the words after "X Or" that make the phrase safe to repeat.
var orSafe = map[string]bool{
	"Update": true, "Replace": true, "Overwrite": true, "Get": true, "Load": true, "Fetch": true, "Find": true,
}

// ifMissing are the words after "X If" that make it a create-if-missing.
var ifMissing = map[string]bool{"Not": true, "Missing": true, "Absent": true}

// signalWords name protocol signals that a repeat settles only once.
var signalWords = map[string]bool{
	"ack": true, "acks": true, "nack": true, "nacks": true, "acknowledgement": true, "acknowledgements": true,
	"acknowledgment": true, "acknowledgments": true, "heartbeat": true, "heartbeats": true,
	"keepalive": true, "keepalives": true, "renew": true, "renewal": true,
}

// safePhrase reports whether the words of a name that starts with a
// mutating verb (words[0], capitalised) say the call is safe to repeat.
func safePhrase(words []string) bool {
	if len(words) >= 3 && (words[1] == "Or" && orSafe[words[2]] || words[1] == "If" && ifMissing[words[2]]) {
		return true
	}
	return protocolSignal(words)
}

// protocolSignal reports whether a send names an acknowledgement or a
// heartbeat as its object: SendAcks, SendMessageNack, PostHeartbeat,
// SendKeepAlive ("Keep Alive" is read as one word).
func protocolSignal(words []string) bool {
	switch words[0] {
	case "Send", "Post", "Publish", "Submit", "Notify":
	default:
		return false
	}
	return namesSignal(words[1:])
}

// namesSignal reports whether a word of words names a protocol signal
// ("Keep Alive" is read as one word): the object of a send, or the name
// of a streaming RPC (LeaseKeepAlive, StreamingAck).
func namesSignal(words []string) bool {
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		if i+1 < len(words) && w == "keep" {
			w += strings.ToLower(words[i+1])
		}
		if signalWords[w] {
			return true
		}
	}
	return false
}
