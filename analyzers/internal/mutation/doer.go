package mutation

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Request senders behind an interface. Retrying HTTP libraries and SDKs
// send through an injectable interface with *http.Client's Do signature,
// so that callers can wrap or mock the transport:
//
//	type Doer interface{ Do(*http.Request) (*http.Response, error) }
//	…
//	for i := 0; i <= c.retries; i++ { resp, err = c.doer.Do(req) … }
//
// Its implementations are often outside the analyzed program, but the
// signature is the contract: it sends the request it is given, as
// http.Client.Do does. So such a call is judged like Client.Do, by the
// request: a POST built in the same function is a write, a request
// parameter makes the function a sender of it (a retry around the call
// then gives a parameter-sensitive ParamRetry). Nothing is judged by name.

// doerSend classifies call when fn is an interface method with exactly the
// signature Do(*http.Request) (*http.Response, error) and no fact of its
// own says more; handled is false otherwise.
func (c *Classifier) doerSend(call *ast.CallExpr, fn *types.Func, fact *FuncFact) (op Op, ok, handled bool) {
	if fact != nil && (fact.Op != nil || fact.RequestParam >= 0 || fact.Retries != nil) || !astpath.IsDoerMethod(fn) || len(call.Args) != 1 {
		return Op{}, false, false
	}
	op, ok = c.sendRequest(call, call.Args[0])
	if ok && c.postReads(call, op) {
		return Op{}, false, true
	}
	return op, ok, true
}
