package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Clients installed through an option. Generated API clients (oapi-codegen
// and the like) store their HTTP client in an interface-typed Doer field
// that an option sets, and a constructor may install a retrying one by
// prepending that option to the caller's:
//
//	func NewClient(server string, opts ...ClientOption) (*Client, error) {
//		retryClient := retryablehttp.NewClient()
//		opts = append([]ClientOption{WithHTTPClient(retryClient.StandardClient())}, opts...)
//		…
//	func WithHTTPClient(doer HttpRequestDoer) ClientOption {
//		return func(c *Client) error { c.Client = doer; return nil }
//	}
//	…
//	return c.Client.Do(req)
//
// A call of such an option constructor of this package, given a retrying
// client, records the field as holding one, as an assignment would; a Do
// through an interface-typed Doer field is then judged like
// (*http.Client).Do on the client the field holds.

// noteOptionValue records the field an option constructor's call sets
// from its argument (noteValue), when fn is such a constructor of this
// package.
func (cs *clientState) noteOptionValue(w *walk, call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() != w.f.pass.Pkg || fn.Signature().Recv() != nil {
		return
	}
	d := w.f.declOf(fn)
	if d == nil {
		return
	}
	field, param := optionSetsField(w.info, d)
	if field == nil || param >= len(call.Args) {
		return
	}
	cs.noteValue(w, field, call.Args[param])
	if cs.std[field] != "" {
		if cs.optionInstalled == nil {
			cs.optionInstalled = map[types.Object]bool{}
		}
		cs.optionInstalled[field] = true
	}
}

// optionSetsField returns the field an option constructor's returned
// func literal sets from one of the constructor's parameters (c.Client =
// doer), and that parameter's index; nil when d is not such a constructor.
func optionSetsField(info *types.Info, d *ast.FuncDecl) (*types.Var, int) {
	fn, _ := info.Defs[d.Name].(*types.Func)
	if fn == nil {
		return nil, -1
	}
	if d.Body == nil || len(d.Body.List) != 1 {
		return nil, -1
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, -1
	}
	lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit)
	if !ok {
		return nil, -1
	}
	for _, st := range lit.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		field, ok := objOf(info, sel).(*types.Var)
		if !ok || !field.IsField() {
			continue
		}
		if p := paramIndex(fn, objOf(info, as.Rhs[0])); p >= 0 {
			return field, p // clientparams.go
		}
	}
	return nil, -1
}

// isDoerCall reports whether fn is Do(*http.Request) (*http.Response,
// error) of an interface: a client held behind a Doer.
func isDoerCall(fn *types.Func) bool {
	return fn.Name() == "Do" && astpath.IsDoerMethod(fn)
}
