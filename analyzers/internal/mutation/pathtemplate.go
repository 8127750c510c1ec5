package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// Path templates filled in place. Generated REST clients (OpenAPI
// Generator's Go template, and many hand-written SDKs) start from the
// operation's path template and substitute each parameter into the same
// variable:
//
//	localVarPath := "/stores/{store_id}/check"
//	localVarPath = strings.Replace(localVarPath, "{"+"store_id"+"}", url.PathEscape(id), -1)
//
// The path keeps the template's shape; each {placeholder} is a value the
// caller chose ({…}).

// templatePieces splits a variable given a template once and otherwise
// only rewritten by strings.Replace/ReplaceAll of itself; ok is false for
// any other history (a second template, an append, its address taken).
func (c *Classifier) templatePieces(v *types.Var, depth int) ([]piece, bool) {
	ix := c.idx()
	as := ix.assigns[v]
	if v.Pkg() != c.pass.Pkg || len(as) < 2 || ix.addrTaken[v] || as[0].rhs == nil {
		return nil, false
	}
	for _, a := range as[1:] {
		if !c.replacesItself(a.rhs, v) {
			return nil, false
		}
	}
	var out []piece
	for _, p := range c.pieces(as[0].rhs, depth+1) {
		if !p.known {
			out = append(out, p)
			continue
		}
		out = append(out, splitPlaceholders(p.s)...)
	}
	return out, true
}

// replacesItself reports whether e is strings.Replace(v, …) or
// strings.ReplaceAll(v, …).
func (c *Classifier) replacesItself(e ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 3 {
		return false
	}
	fn := c.calleeFunc(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || (fn.Name() != "Replace" && fn.Name() != "ReplaceAll") {
		return false
	}
	return c.varOf(call.Args[0]) == v
}

// splitPlaceholders turns the {name} parts of a known path into unknown
// pieces.
func splitPlaceholders(s string) []piece {
	var out []piece
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			break
		}
		end += open
		if open > 0 {
			out = append(out, piece{s: s[:open], known: true, param: -1})
		}
		out = append(out, piece{param: -1})
		s = s[end+1:]
	}
	if s != "" {
		out = append(out, piece{s: s, known: true, param: -1})
	}
	return out
}
