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
// cannot duplicate (Kubernetes clients).
var quietPackages = []string{
	"github.com/prometheus/", "go.opentelemetry.io/", "go.uber.org/zap", "github.com/sirupsen/logrus",
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
// or "".
func MutatingVerb(name string) string {
	words := SplitWords(name)
	if len(words) == 0 {
		return ""
	}
	v := words[0]
	if v != "" {
		v = strings.ToUpper(v[:1]) + v[1:]
	}
	if _, ok := mutatingVerbs[v]; !ok {
		return ""
	}
	if v == "Run" && (len(words) < 2 || !runObjects[words[1]]) {
		return ""
	}
	return v
}

// verb applies the name heuristic to a call whose body cannot be judged:
// an interface method, or a function of another (non-standard) package
// without a FuncFact; only remote-looking ones (a context.Context parameter
// or an error result).
func (c *Classifier) verb(call *ast.CallExpr, fn *types.Func, fact *FuncFact) (Op, bool) {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || fn.Pkg() == nil {
		return Op{}, false
	}
	iface := sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
	if !iface && (fn.Pkg() == c.pass.Pkg || fact != nil) {
		return Op{}, false // the body is judged directly, or was
	}
	path := fn.Pkg().Path()
	if isStd(path) && fn.Pkg() != c.pass.Pkg {
		return Op{}, false
	}
	for _, q := range quietPackages {
		if strings.HasPrefix(path, q) {
			return Op{}, false
		}
	}
	if !remoteLooking(sig) || takesError(sig) {
		return Op{}, false
	}
	v := MutatingVerb(fn.Name())
	if v == "" {
		return Op{}, false
	}
	subject := verbSubject(fn)
	if v == "Notify" {
		subject = "the notification"
	}
	name := displayName(fn)
	return Op{
		Kind: KindVerb, Desc: name + " (a remote call that " + verbPresent(v) + ")",
		Effect: subject + " can be " + mutatingVerbs[v] + " twice", Pos: call.Pos(), Identity: "call " + fn.FullName(),
	}, true
}

// verbSubject names what a verb-named method writes, for the effect: the
// words after the verb (CreateRelease → "the release"), else the
// receiver's type (PullRequestsService.Create → "the pull request"), else
// "it".
func verbSubject(fn *types.Func) string {
	if words := SplitWords(fn.Name()); len(words) > 1 {
		return "the " + strings.ToLower(strings.Join(words[1:], " "))
	}
	recv := recvName(fn)
	for _, suffix := range []string{"Service", "Interface", "Iface"} {
		recv = strings.TrimSuffix(recv, suffix) // client-go's JobInterface.Create writes a job
	}
	if recv == "" || len(recv) <= 3 && recv[0] >= 'a' && recv[0] <= 'z' || strings.HasSuffix(recv, "Client") || strings.HasSuffix(recv, "API") {
		return "it" // OrdersClient.Create: the receiver names a client, not a thing; nsi.Create: no name at all
	}
	words := SplitWords(recv)
	last := words[len(words)-1]
	if strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		words[len(words)-1] = strings.TrimSuffix(last, "s")
	}
	return "the " + strings.ToLower(strings.Join(words, " "))
}

// verbPresent: Create → creates, Publish → publishes, Notify → notifies.
func verbPresent(v string) string {
	l := strings.ToLower(v)
	switch {
	case v == "Run":
		return "runs a job"
	case strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "s"):
		return l + "es"
	case strings.HasSuffix(l, "fy"):
		return strings.TrimSuffix(l, "y") + "ies"
	}
	return l + "s"
}

// takesError: an error parameter marks an error combinator or wrapper
// (multierr.Append(err, tx.Rollback())), not a remote call.
func takesError(sig *types.Signature) bool {
	errType := types.Universe.Lookup("error").Type()
	for i := 0; i < sig.Params().Len(); i++ {
		if types.Identical(sig.Params().At(i).Type(), errType) {
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
	return res.Len() > 0 && types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type())
}

// isStd reports whether path is a standard-library package (no dot in
// its first element).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
