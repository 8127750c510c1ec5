package mutation

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// URL templates filled by a helper of another package:
//
//	func EncodeURL(urlFormat string, args ...interface{}) string {
//		escapedArgs := make([]interface{}, 0, len(args))
//		for _, arg := range args {
//			escapedArgs = append(escapedArgs, url.PathEscape(fmt.Sprintf("%v", arg)))
//		}
//		return fmt.Sprintf(urlFormat, escapedArgs...)
//	}
//	endpointURL := core.EncodeURL(baseURL+"/events/%v/retry", eventID)
//
// (the runtime of generated API clients). The function's fact records the
// format parameter (FuncFact.FormatParam); a call's path is then its
// format with each verb an unknown part: /events/{…}/retry.

// summarizeFormat sets f.FormatParam when the function's one return
// statement, the last of its body, returns fmt.Sprintf of one of its
// string parameters.
func (c *Classifier) summarizeFormat(decl *ast.FuncDecl, f *FuncFact) {
	f.FormatParam = -1
	if f.Op != nil {
		return
	}
	call, ok := ast.Unparen(astpath.OnlyResult(decl.Body)).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !isSprintf(c.calleeFunc(call)) {
		return
	}
	v := c.varOf(call.Args[0])
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if v == nil || fn == nil || len(c.idx().assigns[v]) > 0 {
		return
	}
	if k := paramPos(fn.Signature(), v); k >= 0 && isString(v.Type()) {
		f.FormatParam = k
	}
}

// formatCallPieces splits a call of a function with a FormatParam into
// its format's text and an unknown part per verb.
func (c *Classifier) formatCallPieces(call *ast.CallExpr, fn *types.Func, depth int) ([]piece, bool) {
	if fn == nil {
		return nil, false
	}
	f := c.facts(fn)
	if f == nil || f.FormatParam < 0 || f.FormatParam >= len(call.Args) || call.Ellipsis.IsValid() {
		return nil, false
	}
	var out []piece
	for _, p := range c.pieces(call.Args[f.FormatParam], depth+1) {
		if !p.known {
			out = append(out, p)
			continue
		}
		out = append(out, expandVerbs(nil, p.s, func(byte) []piece { return []piece{{param: -1}} })...)
	}
	return out, true
}

// isSprintf reports whether fn is fmt.Sprintf.
func isSprintf(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf"
}
