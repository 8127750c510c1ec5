package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// SQL text through rewriters. A store rarely hands its driver the
// constant it wrote: the text goes through a dialect renderer
// (s.render(`INSERT INTO %sjobs …`, schema) that formats it and rewrites
// its placeholders), a Rebind, a strings.ReplaceAll of a schema marker.
// Such a rewriter takes the SQL text and returns a string; the statement
// kind and its ON CONFLICT clause survive it, the parts it fills in do
// not matter to the verdict. So the SQL text of an executing call is
// followed through:
//   - fmt.Sprintf with the text as its format (each verb an unknown part,
//     or the argument's own text for %s and %v);
//   - a function of this package whose body is one return statement: the
//     returned expression, its parameters bound to the call's arguments;
//   - any other function or method, an interface method included, whose
//     first parameter (after a context) is a string and whose results are
//     a string and no other (an error, arguments): its output is taken to be that text, rewritten. Of the
//     standard library only package strings is read so (os.Getenv and the
//     like take a string that is not the text).

// sqlEnv binds the parameters of a rewriter being followed to the
// arguments of its call; those are read in the caller's environment.
type sqlEnv struct {
	args  map[*types.Var]ast.Expr
	outer *sqlEnv
}

// hole is an unknown part of a text.
var hole = piece{param: -1}

// sqlPieces splits a SQL text expression into pieces like pieces does,
// following the text through rewriters.
func (c *Classifier) sqlPieces(e ast.Expr, depth int, env *sqlEnv) []piece {
	if e == nil || depth > maxDepth {
		return []piece{hole}
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		v := c.varOf(x)
		if v == nil {
			break
		}
		if arg, ok := env.arg(v); ok {
			return c.sqlPieces(arg, depth+1, env.outer)
		}
		if s := c.str(x, depth); s.known || s.param >= 0 {
			return []piece{{s: s.s, known: s.known, param: s.param, field: s.field}}
		}
		if a, ok := c.single(v); ok && a.rhs != nil {
			return c.sqlPieces(a.rhs, depth+1, env)
		} else if ok && a.call != nil && a.idx == 0 {
			if ps, ok := c.rewritten(a.call, depth, env); ok {
				return ps // q, args, err := in(query, ids)
			}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			// The operands are parts of the same expression, not definitions
			// followed: a long concatenation keeps its depth.
			return append(c.sqlPieces(x.X, depth, env), c.sqlPieces(x.Y, depth, env)...)
		}
	case *ast.CallExpr:
		if ps, ok := c.rewritten(x, depth, env); ok {
			return ps
		}
	}
	return c.pieces(e, depth)
}

// arg returns the argument bound to v, if v is a parameter of a rewriter
// being followed.
func (env *sqlEnv) arg(v *types.Var) (ast.Expr, bool) {
	if env == nil {
		return nil, false
	}
	a, ok := env.args[v]
	return a, ok
}

// rewritten splits the output of a rewriter call into pieces; ok is false
// when call is not one.
func (c *Classifier) rewritten(call *ast.CallExpr, depth int, env *sqlEnv) ([]piece, bool) {
	fn := c.calleeFunc(call)
	if fn == nil {
		return nil, false
	}
	sig := fn.Signature()
	if !textResult(sig.Results()) {
		return nil, false
	}
	if isSprintf(fn) && len(call.Args) > 0 {
		return c.sqlFormat(call, depth, env), true
	}
	if ret, ok := c.idx().returns[fn]; ok && fn.Pkg() == c.pass.Pkg {
		inner := &sqlEnv{args: map[*types.Var]ast.Expr{}, outer: env}
		for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
			if sig.Variadic() && i == sig.Params().Len()-1 {
				break // a spread list: its parts stay unknown
			}
			inner.args[sig.Params().At(i)] = call.Args[i]
		}
		return c.sqlPieces(ret, depth+1, inner), true
	}
	k := rewriterText(fn)
	if k < 0 || k >= len(call.Args) || call.Ellipsis.IsValid() && k == len(call.Args)-1 {
		return nil, false
	}
	return c.sqlPieces(call.Args[k], depth+1, env), true
}

// textResult reports whether a function returns one text: a string
// first, and no other string (a pair of column and value lists is not a
// rewritten statement).
func textResult(res *types.Tuple) bool {
	if res.Len() == 0 || !isString(res.At(0).Type()) {
		return false
	}
	for i := 1; i < res.Len(); i++ {
		if isString(res.At(i).Type()) {
			return false
		}
	}
	return true
}

// rewriterText returns the index of the text parameter of a rewriter with
// no body to follow: its first parameter after an optional context, a
// string; -1 for other functions and for the standard library outside
// package strings.
func rewriterText(fn *types.Func) int {
	if fn.Pkg() == nil || IsStd(fn.Pkg().Path()) && fn.Pkg().Path() != "strings" {
		return -1
	}
	params := fn.Signature().Params()
	k := 0
	if params.Len() > 0 && isNamed(params.At(0).Type(), "context", "Context") {
		k = 1
	}
	if k >= params.Len() || !isString(params.At(k).Type()) || fn.Signature().Variadic() && k == params.Len()-1 {
		return -1
	}
	return k
}

// sqlFormat splits fmt.Sprintf(format, args…) whose format is SQL text:
// the format's own pieces, each verb in them replaced by the argument's
// text (%s, %v) or an unknown part. A format that is a parameter is
// unknown: its verbs may fill in any clause.
func (c *Classifier) sqlFormat(call *ast.CallExpr, depth int, env *sqlEnv) []piece {
	format := c.sqlPieces(call.Args[0], depth+1, env)
	args := call.Args[1:]
	if call.Ellipsis.IsValid() {
		args = nil // a spread list: every verb is unknown
	}
	var out []piece
	argi, aligned := 0, true
	if len(format) == 1 && format[0].param >= 0 {
		return []piece{hole}
	}
	for _, p := range format {
		if !p.known {
			out = append(out, p)
			aligned = false // an unknown part may hold verbs of its own
			continue
		}
		out = expandVerbs(out, p.s, func(verb byte) []piece {
			defer func() { argi++ }()
			if aligned && argi < len(args) && (verb == 's' || verb == 'v') {
				return c.sqlPieces(args[argi], depth+1, env)
			}
			return []piece{hole}
		})
	}
	return out
}

// expandVerbs appends to out the literal text of format with each Printf
// verb replaced by fill(verb).
func expandVerbs(out []piece, format string, fill func(verb byte) []piece) []piece {
	var lit strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			lit.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if lit.Len() > 0 {
			out = append(out, piece{s: lit.String(), known: true, param: -1})
			lit.Reset()
		}
		var verb byte
		if j < len(format) {
			verb = format[j]
		}
		out = append(out, fill(verb)...)
		i = j
	}
	if lit.Len() > 0 {
		out = append(out, piece{s: lit.String(), known: true, param: -1})
	}
	return out
}
