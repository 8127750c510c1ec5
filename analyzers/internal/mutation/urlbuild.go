package mutation

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// URLs built with net/url and path. An SDK method often builds its URL
// with the standard library rather than by concatenation: url.Parse(base +
// endpoint) then u.String(), base.ResolveReference(&url.URL{Path: p}),
// base.Parse(p), url.JoinPath(base, "keys", id), path.Join("/v1", "keys"),
// and Google's generated clients googleapi.ResolveRelative(base, template).
// Each is followed to the strings it is made of, so that the path a
// message prints and a read path is recognised come from the code's own
// constants; a part twice cannot follow stays unknown ({…}).

// googleAPIPath is the support package of Google's generated API clients.
const googleAPIPath = "google.golang.org/api/googleapi"

// urlCallPieces splits a call that builds a URL or a path into pieces;
// ok is false when call is not such a builder.
func (c *Classifier) urlCallPieces(call *ast.CallExpr, depth int) ([]piece, bool) {
	fn := c.calleeFunc(call)
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	recv := recvName(fn)
	switch pkg := fn.Pkg().Path(); {
	case pkg == "net/url" && recv == "" && fn.Name() == "Parse" && len(call.Args) == 1:
		return c.pieces(call.Args[0], depth+1), true
	case pkg == "net/url" && recv == "" && fn.Name() == "JoinPath" && len(call.Args) > 0:
		return c.joined(call, call.Args, depth), true
	case pkg == "path" && recv == "" && fn.Name() == "Join":
		return c.joined(call, call.Args, depth), true
	case pkg == "net/url" && recv == "URL":
		return c.urlMethodPieces(call, fn.Name(), depth)
	case pkg == "fmt" && recv == "Stringer" && fn.Name() == "String":
		// endpoint.String() of a parameter typed fmt.Stringer, given a *url.URL
		return c.urlMethodPieces(call, fn.Name(), depth)
	case pkg == googleAPIPath && recv == "" && fn.Name() == "ResolveRelative" && len(call.Args) == 2:
		// Google's generated clients: the service's base URL, then the
		// method's path template ("projects/{+projectId}/jobs/{+jobId}/cancel").
		return append([]piece{{param: -1}}, templatePieces(c.pieces(call.Args[1], depth+1))...), true
	case pkg == "strings" && recv == "" && (fn.Name() == "TrimLeft" || fn.Name() == "TrimPrefix") && len(call.Args) == 2:
		// strings.TrimLeft(uri.Entity, "/") before joining with "/"
		ps := c.pieces(call.Args[0], depth+1)
		if cut := c.str(call.Args[1], depth+1); cut.known && cut.s == "/" && len(ps) > 0 && ps[0].known {
			ps[0].s = strings.TrimLeft(ps[0].s, "/")
		}
		return ps, true
	case pkg == "net/url" && recv == "" && (fn.Name() == "PathUnescape" || fn.Name() == "PathEscape") && len(call.Args) == 1:
		// Escaping changes a path's bytes, not its segments.
		return c.pieces(call.Args[0], depth+1), true
	}
	return nil, false
}

// urlMethodPieces follows the *url.URL methods that return the URL or a
// URL derived from it.
func (c *Classifier) urlMethodPieces(call *ast.CallExpr, name string, depth int) ([]piece, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	switch {
	case name == "String" && len(call.Args) == 0:
		return c.urlValuePieces(sel.X, depth+1), true
	case name == "Parse" && len(call.Args) == 1:
		// A reference resolved against a base: the base stays unknown
		// (dropped by urlPath when it leads), the reference is the path.
		return append([]piece{{param: -1}}, c.pieces(call.Args[0], depth+1)...), true
	case name == "ResolveReference" && len(call.Args) == 1:
		return append([]piece{{param: -1}}, c.urlValuePieces(call.Args[0], depth+1)...), true
	case name == "JoinPath":
		return append(c.urlValuePieces(sel.X, depth+1), c.joined(call, call.Args, depth)...), true
	}
	return nil, false
}

// urlValuePieces splits an expression of type url.URL or *url.URL: a
// literal with a Path, a variable given one such value once and whose
// fields are never set, or a call that builds one.
func (c *Classifier) urlValuePieces(e ast.Expr, depth int) []piece {
	if depth > maxDepth {
		return []piece{{param: -1}}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return c.urlValuePieces(x.X, depth+1)
	case *ast.CompositeLit:
		return c.urlLiteralPieces(x, depth)
	case *ast.CallExpr:
		if ps, ok := c.urlCallPieces(x, depth); ok {
			return ps
		}
	case *ast.Ident:
		v := c.varOf(x)
		if v == nil {
			return []piece{{param: -1}}
		}
		if ps, ok := c.urlParamPieces(v); ok {
			return ps // endpoint.String() in newRequest(ctx, method, endpoint, body)
		}
		if c.pathSet(v) {
			return c.setPathPieces(v, depth)
		}
		a, ok := c.single(v)
		switch {
		case !ok:
		case a.rhs != nil:
			return c.urlValuePieces(a.rhs, depth+1)
		case a.call != nil && a.idx == 0:
			if ps, ok := c.urlCallPieces(a.call, depth); ok {
				return ps
			}
		}
	}
	return []piece{{param: -1}}
}

// urlParamPieces: a URL parameter never given another value is the
// caller's: the summarised function's parameter, or a builder's local
// that builderPieces fills with the call's argument.
func (c *Classifier) urlParamPieces(v *types.Var) ([]piece, bool) {
	if v.Pkg() != c.pass.Pkg || len(c.idx().assigns[v]) > 0 || c.idx().addrTaken[v] || c.pathSet(v) {
		return nil, false
	}
	if p, ok := c.summarisedParam(v); ok {
		return []piece{{param: p}}, true
	}
	return []piece{{param: -1, local: v}}, true
}

// urlLiteralPieces: a url.URL literal with a Path and no scheme or host is
// a reference whose path is Path; one with a host is unknown before the
// path.
func (c *Classifier) urlLiteralPieces(lit *ast.CompositeLit, depth int) []piece {
	if t := c.info.TypeOf(lit); t == nil || !isURLType(t) {
		return []piece{{param: -1}}
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Path" {
				return append([]piece{{param: -1}}, c.pieces(kv.Value, depth+1)...)
			}
		}
	}
	return []piece{{param: -1}}
}

// joined splits path elements joined with "/" (path.Join, url.JoinPath)
// by call; a builder's variadic parameter spread as the last (parts...)
// is marked for its callers' arguments to fill.
func (c *Classifier) joined(call *ast.CallExpr, args []ast.Expr, depth int) []piece {
	var out []piece
	for i, a := range args {
		if i > 0 {
			out = append(out, piece{s: "/", known: true, param: -1})
		}
		ps := c.pieces(a, depth+1)
		if i == len(args)-1 && call.Ellipsis.IsValid() && len(ps) == 1 && ps[0].local != nil {
			ps[0].spread = true
		}
		out = append(out, ps...)
	}
	return out
}

// pathSet reports whether the path of the URL held in v is assigned
// (u.Path = …): its path is no longer the one it was given. The query
// (u.RawQuery = …) does not change it.
func (c *Classifier) pathSet(v *types.Var) bool {
	ix := c.idx()
	return ix.fieldSet[fieldKey{v, "Path"}]+ix.fieldSet[fieldKey{v, "RawPath"}]+ix.fieldSet[fieldKey{v, "Opaque"}] > 0
}

// setPathPieces splits a URL variable whose path is assigned once
// (u := *c.baseURL; u.Path = c.baseURL.Path + p), or appended to once
// (u.Path += fmt.Sprintf("/v2/%v/conversations", parent), as Google's
// generated REST clients do): whatever it held before, its path is that
// value, after an unknown base. An override used only when given (if
// s.Path != "" { u.Path = s.Path }) does not count. A URL whose path is
// set more often, or whose opaque part is set, is unknown.
func (c *Classifier) setPathPieces(v *types.Var, depth int) []piece {
	ix := c.idx()
	k := fieldKey{v, "Path"}
	var paths []ast.Expr
	for _, p := range ix.fields[k] {
		if !ix.overrides[p] {
			paths = append(paths, p)
		}
	}
	sets := ix.fieldSet[k] - (len(ix.fields[k]) - len(paths))
	if v.Pkg() != c.pass.Pkg || ix.fieldSet[fieldKey{v, "Opaque"}] > 0 {
		return []piece{{param: -1}}
	}
	if last, n := c.selfFormatAppends(v, paths, depth); n > 0 && sets-n == 1 && len(ix.fieldAppends[k]) == 0 {
		return append([]piece{{param: -1}}, last...)
	}
	if sets != 1 {
		return []piece{{param: -1}}
	}
	switch appends := ix.fieldAppends[k]; {
	case len(paths) == 1:
		return append([]piece{{param: -1}}, c.pieces(paths[0], depth+1)...)
	case len(appends) == 1:
		return append([]piece{{param: -1}}, c.pieces(appends[0], depth+1)...)
	}
	return []piece{{param: -1}}
}

// selfFormatAppends counts the values of v.Path that append to it with
// Sprintf (u.Path = fmt.Sprintf("%s/%s", u.Path, entity)), and returns
// the pieces the last of them (in source order) appends: with one other
// value, the base, the path ends with them.
func (c *Classifier) selfFormatAppends(v *types.Var, values []ast.Expr, depth int) ([]piece, int) {
	var last []piece
	n := 0
	for _, e := range values {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || !isSprintf(c.calleeFunc(call)) || len(call.Args) < 2 {
			continue
		}
		format := c.str(call.Args[0], depth+1)
		sel, ok := ast.Unparen(call.Args[1]).(*ast.SelectorExpr)
		if !format.known || !strings.HasPrefix(format.s, "%s") || !ok || sel.Sel.Name != "Path" || c.varOf(sel.X) != v {
			continue
		}
		n++
		last = c.formatPieces(format.s[2:], call.Args[2:], depth)
	}
	return last, n
}

// isURLType reports whether t is net/url.URL or a pointer to it.
func isURLType(t types.Type) bool { return isNamed(t, "net/url", "URL") }

// builderPieces splits a call of a same-package URL builder (index.returns)
// into its returned value's pieces, each part that is one of the builder's
// parameters replaced by the pieces of the call's argument for it:
// buildURI(fmt.Sprintf("/zones/%s/hold", id), nil) is /zones/{…}/hold.
func (c *Classifier) builderPieces(call *ast.CallExpr, fn *types.Func, depth int) ([]piece, bool) {
	if fn == nil {
		return nil, false
	}
	ret, ok := c.idx().returns[fn]
	if !ok {
		if k := c.queryAppender(fn); k >= 0 && k < len(call.Args) {
			// buildURL(params.URL, query): the caller's URL, a query added
			return append(c.pieces(call.Args[k], depth+1), piece{s: "?", known: true, param: -1}, piece{param: -1}), true
		}
		return nil, false
	}
	sig, _ := fn.Type().(*types.Signature)
	var out []piece
	for _, p := range c.pieces(ret, depth+1) {
		k := paramPos(sig, p.local)
		if p.fieldOf != nil {
			k = paramPos(sig, p.fieldOf)
		}
		variadic := sig.Variadic() && k == sig.Params().Len()-1
		switch {
		case variadic && p.spread && !call.Ellipsis.IsValid() && k <= len(call.Args):
			// endpoint("auth", "tokens") for base.JoinPath(parts...)
			out = append(out, c.joined(call, call.Args[k:], depth)...)
		case k < 0 || k >= len(call.Args) || variadic:
			out = append(out, p)
		case p.fieldOf != nil:
			out = append(out, c.argFieldPieces(call.Args[k], p.ofField, depth)...)
		default:
			out = append(out, c.pieces(call.Args[k], depth+1)...)
		}
	}
	return out, true
}

// argFieldPieces splits the value of field in a builder's argument: a
// field of the summarised function's parameter (input.Uri, whose Entity
// is the caller's: field "Uri.Entity"), or the field of a literal.
func (c *Classifier) argFieldPieces(arg ast.Expr, field string, depth int) []piece {
	if ps := c.pieces(arg, depth+1); len(ps) == 1 && ps[0].param >= 0 {
		f := field
		if ps[0].field != "" {
			f = ps[0].field + "." + field
		}
		return []piece{{param: ps[0].param, field: f}}
	}
	if e := c.argExpr(arg, field); e != nil {
		return c.pieces(e, depth+1)
	}
	return []piece{{param: -1}}
}

// paramPos is the index of v among sig's parameters, or -1.
func paramPos(sig *types.Signature, v *types.Var) int {
	if sig == nil || v == nil {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// maxAlternatives bounds the paths a description lists.
const maxAlternatives = 3

// pathAlternatives describes a URL held in a variable given one of several
// paths on different branches (uri = "/apps/{…}/policies" or
// "/policies"): every assignment's path, distinct, joined with " or ";
// "" when one of them is not a path twice can read.
func (c *Classifier) pathAlternatives(e ast.Expr) string {
	v := c.varOf(e)
	if v == nil || v.Pkg() != c.pass.Pkg || c.idx().addrTaken[v] {
		return ""
	}
	as := c.idx().assigns[v]
	if len(as) < 2 || len(as) > maxAlternatives {
		return ""
	}
	var paths []string
	for _, a := range as {
		if a.rhs == nil {
			return ""
		}
		p := urlPath(c.pieces(a.rhs, 1))
		if p == "" {
			return ""
		}
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	return strings.Join(paths, " or ")
}

// templatePieces splits the known parts of a URI template at its
// variables ({projectId}, {+jobId}): each is an unknown part, as a value
// filled in at run time.
func templatePieces(ps []piece) []piece {
	var out []piece
	for _, p := range ps {
		if p.known {
			out = append(out, splitPlaceholders(p.s)...)
		} else {
			out = append(out, p)
		}
	}
	return out
}
