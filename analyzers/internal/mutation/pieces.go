package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// piece is one part of a string built by concatenation or fmt.Sprintf.
type piece struct {
	s     string
	known bool
	param int    // -1, or the summarised function's parameter the part is
	field string // the part is this field of parameter param
	// local: an unknown part that is this variable of the package, never
	// assigned (a parameter of a URL builder the caller's argument fills).
	local *types.Var
	// fieldOf, ofField: an unknown part that is field ofField of this
	// variable of the package, never assigned (uri.Entity of a URL
	// builder's parameter); builderPieces fills it from the caller's
	// argument.
	fieldOf *types.Var
	ofField string
	// spread: local is a variadic parameter spread into path elements
	// (base.JoinPath(parts...)): the caller's arguments for it, joined
	// with "/", fill it.
	spread bool
}

// pieces splits a string expression into known and unknown parts.
func (c *Classifier) pieces(e ast.Expr, depth int) []piece {
	if e == nil || depth > maxDepth {
		return []piece{{param: -1}}
	}
	e = ast.Unparen(e)
	if v := c.str(e, depth); v.known || v.param >= 0 {
		return []piece{{s: v.s, known: v.known, param: v.param, field: v.field}}
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(c.pieces(e.X, depth+1), c.pieces(e.Y, depth+1)...)
		}
	case *ast.Ident:
		if v := c.varOf(e); v != nil {
			if _, isParam := c.summarisedParam(v); isParam && len(c.idx().assigns[v]) > 0 {
				if ps, ok := c.appendedPieces(v, depth); ok {
					return ps // u = u + "?" + query on a parameter (urlappend.go)
				}
			}
			if a, ok := c.single(v); ok && a.rhs != nil {
				return c.pieces(a.rhs, depth+1)
			} else if ok && a.call != nil && a.idx == 0 {
				if ps, ok := c.urlCallPieces(a.call, depth); ok {
					return ps // s, err := url.JoinPath(…)
				}
				if ps, ok := c.builderPieces(a.call, c.calleeFunc(a.call), depth); ok {
					return ps // endpoint, err := c.createEndpoint("auth", "tokens")
				}
			}
			if ps, ok := c.appendedPieces(v, depth); ok {
				return ps // url := base; url += opts.Path (urlappend.go)
			}
			if ps, ok := c.templatePieces(v, depth); ok {
				return ps // p := "/items/{id}"; p = strings.Replace(p, "{id}", id, -1)
			}
			if ps, ok := c.basesPieces(v, depth); ok {
				return ps // url = endpoint(uri) or endpointV2(uri), one per API version
			}
			if v.Pkg() == c.pass.Pkg && len(c.idx().assigns[v]) == 0 {
				return []piece{{param: -1, local: v}}
			}
		}
	case *ast.SelectorExpr:
		if v := c.varOf(e.X); v != nil && v.Pkg() == c.pass.Pkg && len(c.idx().assigns[v]) == 0 && isFieldSel(c.info, e) {
			// uri.Entity of a URL builder's parameter: the caller's argument
			// for uri fills it (builderPieces)
			return []piece{{param: -1, fieldOf: v, ofField: e.Sel.Name}}
		}
	case *ast.CallExpr:
		if ps, ok := c.urlCallPieces(e, depth); ok {
			return ps
		}
		fn := c.calleeFunc(e)
		if isSprintf(fn) && len(e.Args) > 0 {
			if f := c.str(e.Args[0], depth+1); f.known {
				return c.formatPieces(f.s, e.Args[1:], depth)
			}
		}
		// A same-package URL builder: its returned expression, the
		// callee's parameters filled with the call's arguments.
		if ps, ok := c.builderPieces(e, fn, depth); ok {
			return ps
		}
		if ps, ok := c.formatCallPieces(e, fn, depth); ok {
			return ps // core.EncodeURL(base+"/events/%v/retry", id) (urlformat.go)
		}
	}
	return []piece{{param: -1}}
}

// formatPieces splits a Printf format into its literal text and one piece
// per verb (the argument's own pieces for %s and %v).
func (c *Classifier) formatPieces(format string, args []ast.Expr, depth int) []piece {
	argi := 0
	return expandVerbs(nil, format, func(verb byte) []piece {
		defer func() { argi++ }()
		if (verb == 's' || verb == 'v') && argi < len(args) {
			return c.pieces(args[argi], depth+1)
		}
		return []piece{{param: -1}}
	})
}

// firstParam returns the first parameter among pieces, or -1.
func firstParam(ps []piece) int {
	p, _ := firstParamField(ps)
	return p
}

// firstParamField returns the first parameter among pieces and the field
// of it the piece is ("" for the parameter itself), or -1.
func firstParamField(ps []piece) (int, string) {
	for _, p := range ps {
		if p.param >= 0 {
			return p.param, p.field
		}
	}
	return -1, ""
}

// pathParamField returns the parameter among a URL's pieces that carries
// its path: in `cfg.apiURL + r.uri` the leading piece is the base URL
// (urlPath drops it) and callers spell the path in the later one, so a
// parameter after the first piece is preferred; else firstParamField.
func pathParamField(ps []piece) (int, string) {
	if len(ps) > 1 && ps[0].param >= 0 {
		if p, f := firstParamField(ps[1:]); p >= 0 {
			return p, f
		}
	}
	return firstParamField(ps)
}

// urlPath describes a URL built from pieces: its path with unknown parts
// as {…} ("/v1/orders/{…}/refunds"), without scheme, host, a leading base
// URL or the query; "" when nothing constant is left.
func urlPath(ps []piece) string {
	var b strings.Builder
	for i, p := range ps {
		switch {
		case p.known:
			b.WriteString(p.s)
		case i == 0:
			// A leading unknown is the base URL: dropped.
		default:
			if !strings.HasSuffix(b.String(), "{…}") {
				b.WriteString("{…}")
			}
		}
	}
	s := b.String()
	if k := strings.Index(s, "://"); k >= 0 {
		s = s[k+3:]
		if slash := strings.IndexByte(s, '/'); slash >= 0 {
			s = s[slash:]
		} else {
			s = "/"
		}
	}
	if q := strings.IndexAny(s, "?#"); q >= 0 {
		s = s[:q]
	}
	if strings.Trim(s, "/{…}") == "" {
		return ""
	}
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return s
}

// sqlHole stands for an unknown part of SQL text: an identifier, so that
// `"INSERT INTO " + table + "_archive"` still reads as one table name.
const sqlHole = "twice_hole"

// sqlText returns the SQL text of pieces, with unknown parts as a
// placeholder identifier; ok is false when the text is not usable: nothing
// known, or an unknown tail that could hold an ON CONFLICT clause.
func sqlText(ps []piece) (string, bool) {
	if len(ps) == 0 || !ps[len(ps)-1].known {
		return "", false
	}
	var b strings.Builder
	for _, p := range ps {
		if p.known {
			b.WriteString(p.s)
		} else {
			b.WriteString(sqlHole)
		}
	}
	return b.String(), true
}

// isFieldSel reports whether sel selects a struct field.
func isFieldSel(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.FieldVal
}
