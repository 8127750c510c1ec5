package mutation

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Request configs. Generated API clients (Stainless's requestconfig, and
// hand-written cores like it) keep the *http.Request in a field of a
// config struct that a constructor builds from the method and path it is
// given, and a method of the config executes it, sending a clone through
// a handler chain whose innermost handler is (*http.Client).Do:
//
//	func NewRequestConfig(ctx, method, u string, …) (*RequestConfig, error) {
//		req, err := http.NewRequestWithContext(ctx, method, u, body)
//		cfg := RequestConfig{Request: req, HTTPClient: http.DefaultClient, …}
//		return &cfg, nil
//	}
//	func (cfg *RequestConfig) Execute() error {
//		handler := cfg.HTTPClient.Do
//		for … { res, err = handler(cfg.Request.Clone(ctx)) … }
//	}
//	func ExecuteNewRequest(ctx, method, u string, …) error {
//		cfg, err := NewRequestConfig(ctx, method, u, …)
//		return cfg.Execute()
//	}
//
// The constructor's summary says it builds a request (BuildsRequest, the
// method its parameter), the executing method's says it sends the request
// its receiver holds (RequestParam is ReceiverParam), and a function that
// executes a config it built passes its own parameters on, so a service
// method calling ExecuteNewRequest(ctx, http.MethodPost, "v1/customers",
// …) is judged as that POST.

// requestFieldName is the field of a request config holding the request.
const requestFieldName = "Request"

// holdsRequest reports whether t (or *t) is a struct with a field Request
// of type *http.Request.
func holdsRequest(t types.Type) bool {
	return astpath.HasField(t, func(f *types.Var) bool {
		return f.Name() == requestFieldName && isNamed(f.Type(), "net/http", "Request")
	})
}

// holderResult returns the index of decl's first result that holds a
// request (holdsRequest), or -1.
func holderResult(c *Classifier, decl *ast.FuncDecl) int {
	return resultIndex(c, decl, holdsRequest) // reqcopy.go
}

// requestFieldValue returns the value a composite literal of a request
// holder gives its Request field, or nil.
func requestFieldValue(info *types.Info, lit *ast.CompositeLit) ast.Expr {
	if !holdsRequest(info.TypeOf(lit)) {
		return nil
	}
	return astpath.LitField(lit, requestFieldName)
}

// handlerSend classifies a call of a local handler variable,
// func(*http.Request) (*http.Response, error), that holds (*http.Client).Do
// as one of its values (the innermost handler of a middleware chain): it
// sends its argument.
func (c *Classifier) handlerSend(call *ast.CallExpr) (Op, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 || !isNamed(c.info.TypeOf(call.Args[0]), "net/http", "Request") {
		return Op{}, false
	}
	v := c.varOf(id)
	if v == nil || v.Pkg() != c.pass.Pkg {
		return Op{}, false
	}
	for _, a := range c.idx().assigns[v] {
		if a.rhs != nil && c.isClientDoValue(a.rhs) {
			return c.sendRequest(call, call.Args[0])
		}
	}
	return Op{}, false
}

// isClientDoValue reports whether e is the method value x.Do of an
// *http.Client.
func (c *Classifier) isClientDoValue(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Do" {
		return false
	}
	s, ok := c.info.Selections[sel]
	return ok && s.Kind() == types.MethodVal && isNamed(s.Recv(), "net/http", "Client")
}
