package mutation

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"
)

// mutatingVerbs start the names of remote calls that create or send
// something new each time, with the participle for the effect.
var mutatingVerbs = map[string]string{
	"Create": "created", "Send": "sent", "Publish": "published", "Notify": "sent", "Submit": "submitted",
	"Enqueue": "enqueued", "Post": "posted", "Charge": "charged", "Transfer": "transferred",
	"Insert": "inserted", "Append": "appended", "Increment": "incremented", "Register": "registered",
	"Trigger": "triggered", "Run": "run",
}

// runObjects are the words that make Run a mutating verb: RunJob, RunTask.
var runObjects = map[string]bool{"Job": true, "Task": true, "Workflow": true, "Pipeline": true, "Build": true}

// quietPackages are never judged by name: their calls write nothing remote
// (metrics, logging, tracing), or create under a fixed name that a repeat
// cannot duplicate (Kubernetes clients). Prometheus is quiet for its client
// libraries only: its applications (Alertmanager's notifiers) do send.
var quietPackages = []string{
	"github.com/prometheus/client_golang/", "github.com/prometheus/client_model/", "github.com/prometheus/common/",
	"github.com/prometheus/procfs", "go.opentelemetry.io/", "go.uber.org/zap", "github.com/sirupsen/logrus",
	"github.com/rs/zerolog", "k8s.io/", "sigs.k8s.io/", "golang.org/x/", "google.golang.org/protobuf",
	"github.com/spf13/", "github.com/stretchr/testify",
}

// SplitWords splits a Go identifier at camelCase boundaries, keeping
// initialisms together: CreateRelease → [Create Release], sendSMSCode →
// [send SMS Code], HTTPPost → [HTTP Post].
func SplitWords(name string) []string {
	rs := []rune(name)
	var words []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		switch {
		case cur == '_':
			if i > start {
				words = append(words, string(rs[start:i]))
			}
			start = i + 1
		case unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			words = append(words, string(rs[start:i]))
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			if i > start {
				words = append(words, string(rs[start:i]))
			}
			start = i
		}
	}
	if start < len(rs) {
		words = append(words, string(rs[start:]))
	}
	return words
}

// MutatingVerb returns the verb of a method name that the heuristic reads
// as a non-idempotent write ("Create" for CreateRelease, "Run" for RunJob),
// or "" (also for a verb phrase that is safe to repeat: CreateOrUpdate,
// SendAcks; verbphrase.go).
func MutatingVerb(name string) string {
	v, safe := leadingVerb(name)
	if safe {
		return ""
	}
	return v
}

// leadingVerb returns the mutating verb a name starts with, and whether
// the words after it make the call safe to repeat (verbphrase.go).
func leadingVerb(name string) (verb string, safe bool) {
	words := SplitWords(name)
	if len(words) == 0 {
		return "", false
	}
	v := words[0]
	if v != "" {
		v = strings.ToUpper(v[:1]) + v[1:]
	}
	if _, ok := mutatingVerbs[v]; !ok {
		return "", false
	}
	if v == "Run" && (len(words) < 2 || !runObjects[words[1]]) {
		return "", false
	}
	if v == "Send" && len(words) > 1 && envelopeObjects[words[1]] {
		return "", false // a generic sender (envelope.go)
	}
	words[0] = v
	return v, safePhrase(words) // an upsert, a create-if-missing, an ack
}

// verb applies the name heuristic to a call whose body cannot be judged:
// an interface method, or a body whose remote call could not be
// classified (fact.Remote); only
// remote-looking ones (a context.Context parameter or an error result),
// and never in-memory encoders (a byte slice in and out) or registrations
// of a local callback.
func (c *Classifier) verb(call *ast.CallExpr, fn *types.Func, fact *FuncFact) (Op, bool) {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || fn.Pkg() == nil {
		return Op{}, false
	}
	iface := isInterfaceMethod(fn)
	remote := fact != nil && fact.Remote
	if !iface && !remote {
		// A concrete function is judged by its body, never by its name:
		// analyzed with nothing mutating in it, it is clean; in a package
		// with no facts (its analysis failed, or it did not type-check) it
		// is unknown, and unknown is silence. A gax-style
		// InsertMetadataIntoOutgoingContext only edits a context.
		return Op{}, false
	}
	if !iface && fn.Pkg() == c.pass.Pkg {
		// This package's own functions are judged by their bodies only, as
		// before facts carried Remote: a helper here whose request cannot be
		// resolved (minio's CreateSession, a GET) is not named a write; its
		// callers in other packages judge it by name.
		return Op{}, false
	}
	path := fn.Pkg().Path()
	if IsStd(path) && fn.Pkg() != c.pass.Pkg || quietPackage(path) {
		return Op{}, false
	}
	if (fn.Name() == "Send" || fn.Name() == "SendMsg") && c.serverStream(call) {
		return Op{}, false // grpcstream.go: a handler's reply on its stream
	}
	if rpc, onStream := c.streamSend(call, fn); onStream {
		return c.streamMessage(call, fn, rpc) // grpcstream.go
	}
	if iface {
		// implementations.go: when every implementation writes, on
		// evidence, the call writes whatever the method is called
		// (Report, Deliver).
		if op, ok := c.byAllImplementations(call, fn); ok {
			return op, true
		}
	}
	if !remoteLooking(sig) || takesError(sig) || inMemoryEncoder(sig) || requestBuilder(sig) || opensStream(sig) {
		return Op{}, false
	}
	v, safe := leadingVerb(fn.Name())
	if v == "" || localRegistration(v, sig) {
		return Op{}, false
	}
	if genericEnvelope(sig) {
		// envelope.go: the message names the operation; a sender's name
		// says nothing more (a signer or logger of a request is no send).
		return c.envelopeOp(call, fn, sig)
	}
	if iface {
		if op, decided := c.byImplementations(call, fn); decided {
			return op, op.Kind != KindNone // bodies speak before names
		}
		if c.constructedClean(call, fn) {
			return Op{}, false // constructed.go: a value of a constructor whose types are clean
		}
	}
	if safe || iface && callbackInterface(fn) {
		// verbphrase.go: an upsert, an ack; callbackiface.go: the
		// application's delegate is told something
		return Op{}, false
	}
	if v == "Create" && c.callerNamedCreate(call, fn) {
		return Op{}, false // namedcreate.go: keyed by a name the caller chose
	}
	if v == "Register" && (c.registersAddress(call) || c.registersIdentity(call, fn)) {
		return Op{}, false // registration.go: an instance keyed by its address or its own identity
	}
	return Op{
		Kind: KindVerb, Desc: displayName(fn) + " (" + unseenReason(iface) + ", named like " + verbNoun(v) + ")",
		Effect: "it can be " + mutatingVerbs[v] + " twice", Pos: call.Pos(), Identity: "call " + fn.FullName(),
		Unsure: c.unsure(v, call, sig),
	}, true
}

// unseenReason says why a verb-judged call was judged by its name.
func unseenReason(iface bool) string {
	if iface {
		return "an interface method with no body twice can see"
	}
	return "whose request twice cannot resolve"
}

// verbNouns name the kind of call a verb makes, for "named like a create".
var verbNouns = map[string]string{
	"Create": "a create", "Send": "a send", "Publish": "a publish", "Notify": "a notification", "Submit": "a submission",
	"Enqueue": "an enqueue", "Post": "a post", "Charge": "a charge", "Transfer": "a transfer", "Insert": "an insert",
	"Append": "an append", "Increment": "an increment", "Register": "a registration", "Trigger": "a trigger", "Run": "a job run",
}

func verbNoun(v string) string { return verbNouns[v] }

// takesError: an error parameter marks an error combinator or wrapper
// (multierr.Append(err, tx.Rollback())), not a remote call.
func takesError(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isErrorType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// remoteLooking: a context.Context parameter or an error result.
func remoteLooking(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isNamed(sig.Params().At(i).Type(), "context", "Context") {
			return true
		}
	}
	res := sig.Results()
	return res.Len() > 0 && isErrorType(res.At(res.Len()-1).Type())
}

// unsure says why a write named with verb v may duplicate nothing: a
// create given nothing to create from, or an insert of points the caller
// stamped with their timestamps.
func (c *Classifier) unsure(v string, call *ast.CallExpr, sig *types.Signature) string {
	switch {
	case v == "Create" && takesNothing(sig):
		return UnsureSetUp
	case v == "Insert" && c.stampedRequest(call):
		return UnsurePoints
	case pointVerbs[v] && c.pointsRequest(call):
		return UnsurePoints
	}
	return ""
}

// pointVerbs send what they are given to a store: with measurement
// points, a repeat sends the same points again.
var pointVerbs = map[string]bool{"Post": true, "Send": true, "Write": true, "Push": true, "Report": true, "Record": true, "Append": true, "Add": true, "Insert": true}

// pointsRequest reports whether an argument of call holds measurement
// points (directly, or in slices of them, pointers included): structs
// with a timestamp and a value (Time, Value), like metric values posted
// to a time-series store, which keys them by series and time.
func (c *Classifier) pointsRequest(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if st, _ := payloadType(c.pass.TypesInfo.TypeOf(arg)); st != nil && isPoint(st, 1) {
			return true
		}
	}
	return false
}

// isPoint reports whether st (or a struct it embeds, to depth) has a
// timestamp field and a value field.
func isPoint(st *types.Struct, depth int) bool {
	var stamped, valued bool
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		words := nameWords(f.Name())
		switch {
		case f.Embedded():
			if inner, ok := derefStruct(f.Type()); ok && depth > 0 && isPoint(inner, depth-1) {
				return true
			}
		case anyWord(words, timeWords) && timeLike(f.Type()):
			stamped = true
		case anyWord(words, valueWords):
			valued = true
		}
	}
	return stamped && valued
}

// valueWords name the field that holds a point's measurement.
var valueWords = map[string]bool{"value": true, "values": true}

// takesNothing: no parameter but a context, so nothing for a create to
// make a thing from.
func takesNothing(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if !isNamed(sig.Params().At(i).Type(), "context", "Context") {
			return false
		}
	}
	return true
}

// stampedRequest reports whether a request passed to call carries the
// timestamps of what it inserts: a struct with a Timestamp(s) or Time(s)
// field (TimestampsList) of integers or times, or slices of them.
func (c *Classifier) stampedRequest(call *ast.CallExpr) bool {
	return c.anyRequestStruct(call, func(st *types.Struct) bool {
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			if anyWord(nameWords(f.Name()), timeWords) && timeLike(f.Type()) {
				return true
			}
		}
		return false
	})
}

// anyRequestStruct reports whether an argument of call is a struct (or a
// pointer to one) for which pred holds.
func (c *Classifier) anyRequestStruct(call *ast.CallExpr, pred func(*types.Struct) bool) bool {
	for _, arg := range call.Args {
		if st, ok := derefStruct(c.pass.TypesInfo.TypeOf(arg)); ok && pred(st) {
			return true
		}
	}
	return false
}

// timeWords name the fields that hold timestamps.
var timeWords = map[string]bool{"timestamp": true, "timestamps": true, "time": true, "times": true}

// timeLike: an integer, a time.Time, or slices of them (encoded
// timestamps included: [][]byte).
func timeLike(t types.Type) bool {
	for {
		sl, ok := t.Underlying().(*types.Slice)
		if !ok {
			break
		}
		t = sl.Elem()
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsInteger != 0
	}
	return isNamed(t, "time", "Time")
}

// IsStd reports whether path is a standard-library package (no dot in
// its first element).
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
