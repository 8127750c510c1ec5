package retryscope

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
)

// The conditions under which a retry goes round fall into three classes:
//
//	(a) an ambiguous outcome: any error, a timeout, EOF, a connection reset
//	    or closed, a 5xx, a "retryable" checker that cannot be read — the
//	    write may have taken effect;
//	(b) a refusal (refusal.go): the server did not execute the request;
//	(c) a specific application error whose meaning is not known
//	    (errors.Is(err, ErrStale), a comma-ok *QuotaError, a code compare).
//
// A retry whose conditions are all (b) or (c) is not reported: (b) is safe
// and (c) is unknown, and unknown is silence. This file recognises (c),
// from evidence only: the sentinel's identity and declaration, the error
// type and its shape, the compared values. Whatever says "ambiguous" in
// that evidence — a standard-library sentinel or type (io.EOF, net.Error),
// a message or name about a timeout, a closed or reset connection, an
// unavailable server, a 5xx — keeps the condition out of (c).

// ambiguousWords matches the names and texts of outcomes that can follow
// an executed write: timeouts, a lost or closed connection, an unavailable
// or failing server, "retryable"/"temporary"/"transient" classifications.
var ambiguousWords = regexp.MustCompile(`(?i)(time.?out|timed.?out|deadline|eof|clos(e|ed|ing)|reset|broken.?pipe|epipe|disconnect|unavailable|unreachable|temporar|transient|retr(y|iable|yable)|network|conn|i/o|\blost\b|interrupt|shutdown|internal|bad.?gateway|unknown|cancel|overload|unexpected|in.?flight|ambiguous|indetermin|uncertain|server.?error|\b5\d\d\b)`)

// ambiguousStates are SQLSTATE classes of a connection that broke or a
// server that went away while a statement ran (08 connection exception,
// 53 insufficient resources, 57 operator intervention, 58 system error,
// XX internal error): the statement may have been applied.
var ambiguousStates = regexp.MustCompile(`^(08|53|57|58|XX)[0-9A-Z]{3}$`)

// carrierWords matches the fields and methods of an error type that
// carries a status, a code, a kind or the response itself: asserting the
// type says nothing about which one came back (a 500 and a 409 are both an
// *APIError, an *ErrorResponse holds whatever the server answered).
var carrierWords = regexp.MustCompile(`(?i)(status|code|kind|type|reason|category|state|number|errno|label|concern|response|resp$|body|raw|header|errors$|retryable|temporary|transient|timeout|cause|unwrap)`)

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// implementsError reports whether t or *t is an error.
func implementsError(t types.Type) bool {
	if t == nil {
		return false
	}
	if types.Implements(t, errorIface) {
		return true
	}
	if _, isPtr := t.Underlying().(*types.Pointer); isPtr || types.IsInterface(t) {
		return false
	}
	return types.Implements(types.NewPointer(t), errorIface)
}

// stdRoots are the first path elements of the standard library's
// packages.
var stdRoots = map[string]bool{
	"archive": true, "bufio": true, "bytes": true, "cmp": true, "compress": true, "container": true,
	"context": true, "crypto": true, "database": true, "debug": true, "embed": true, "encoding": true,
	"errors": true, "expvar": true, "flag": true, "fmt": true, "go": true, "hash": true, "html": true,
	"image": true, "index": true, "internal": true, "io": true, "iter": true, "log": true, "maps": true,
	"math": true, "mime": true, "net": true, "os": true, "path": true, "plugin": true, "reflect": true,
	"regexp": true, "runtime": true, "slices": true, "sort": true, "strconv": true, "strings": true,
	"structs": true, "sync": true, "syscall": true, "testing": true, "text": true, "time": true,
	"unicode": true, "unique": true, "unsafe": true, "weak": true,
}

// isStdPath reports whether path is a standard-library package: its first
// element has no dot and is one of the library's roots (a module's
// package in a GOPATH-style tree has no dot either).
func isStdPath(path string) bool {
	path = unvendor(path)
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && stdRoots[first]
}

// settledValue reports whether e names a sentinel whose match leaves
// nothing executed to repeat, or whose meaning is not known: a refusal
// sentinel (ErrRateLimited) or an application sentinel (ErrStale).
func (r *refusals) settledValue(e ast.Expr) bool {
	return r.refusalValue(e) || r.applicationSentinel(e, 0)
}

// settledType reports whether matching type t (errors.As, a comma-ok
// assertion, a type switch case) is a refusal or a specific application
// error.
func settledType(t types.Type) bool {
	return refusalType(t) || applicationType(t)
}

// applicationSentinel reports whether e names a package-level error
// sentinel of a module outside the standard library (class c): not named
// for an ambiguous outcome and, when declared in this package, not
// declared with a text or a value that says one.
func (r *refusals) applicationSentinel(e ast.Expr, depth int) bool {
	obj := objOf(r.info, e)
	return r.applicationObject(obj, depth)
}

// applicationObject judges the object a sentinel expression names (see
// applicationSentinel).
func (r *refusals) applicationObject(obj types.Object, depth int) bool {
	switch o := obj.(type) {
	case *types.Var:
		if o.IsField() || isLocal(o) {
			return false
		}
	case *types.Const:
		if o.Val().Kind() == constant.String && r.ambiguousText(constant.StringVal(o.Val())) {
			return false
		}
	default:
		return false
	}
	if obj.Pkg() == nil || isStdPath(obj.Pkg().Path()) || !implementsError(obj.Type()) || ambiguousWords.MatchString(obj.Name()) {
		return false
	}
	if obj.Pkg() != r.pkg {
		// Its name is the evidence there is, unless its package said
		// otherwise (AmbiguousSentinels).
		v, isVar := obj.(*types.Var)
		return !isVar || r.ambiguousImported == nil || !r.ambiguousImported(v)
	}
	init := r.initializer(obj)
	return init != nil && r.settledDeclaration(init, depth)
}

// initializer returns the expression a package-level variable or constant
// of this package is declared with (nil when declared without one or in a
// tuple). The package's declarations are indexed on first use.
func (r *refusals) initializer(obj types.Object) ast.Expr {
	if r.inits == nil {
		r.inits = map[types.Object]ast.Expr{}
		for _, file := range r.files {
			for _, d := range file.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR && gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if o := r.info.Defs[name]; o != nil {
							r.inits[o] = vs.Values[i]
						}
					}
				}
			}
		}
	}
	return r.inits[obj]
}

// settledDeclaration reports whether a sentinel's initializer says
// nothing ambiguous: no text, constant or name in it speaks of a timeout
// or a lost connection (errors.New("store: stale version") does not,
// fmt.Errorf("%w: connection closed", ErrConn) does), and every error it
// wraps is itself an application sentinel.
func (r *refusals) settledDeclaration(init ast.Expr, depth int) bool {
	ok := true
	ast.Inspect(init, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch x := n.(type) {
		case *ast.BasicLit:
			if x.Kind == token.STRING {
				s, err := strconv.Unquote(x.Value)
				ok = err == nil && !r.ambiguousText(s)
			}
		case *ast.Ident:
			ok = r.settledName(x, depth)
		}
		return ok
	})
	return ok
}

// settledName judges one identifier of a sentinel's initializer.
func (r *refusals) settledName(id *ast.Ident, depth int) bool {
	switch o := r.info.Uses[id].(type) {
	case *types.Const:
		if o.Val().Kind() == constant.String && r.ambiguousText(constant.StringVal(o.Val())) {
			return false
		}
		return !ambiguousWords.MatchString(o.Name())
	case *types.Var:
		if implementsError(o.Type()) && !o.IsField() {
			return depth < maxRefusalDepth && r.applicationSentinel(id, depth+1)
		}
		return !ambiguousWords.MatchString(o.Name())
	case *types.TypeName, *types.Func, *types.PkgName, nil:
		return !ambiguousWords.MatchString(id.Name) || isErrorConstructor(o)
	}
	return false
}

// isErrorConstructor reports whether o is errors.New or fmt.Errorf (their
// names are no evidence).
func isErrorConstructor(o types.Object) bool {
	fn, ok := o.(*types.Func)
	return ok && fn.Pkg() != nil && (fn.Pkg().Path() == "errors" || fn.Pkg().Path() == "fmt")
}

// ambiguousText reports whether an error text or code says the outcome is
// ambiguous.
func (r *refusals) ambiguousText(s string) bool {
	return ambiguousWords.MatchString(s) || ambiguousStates.MatchString(s)
}

// applicationType reports whether t (or *t) is a struct error type of a
// module outside the standard library that stands for one kind of failure
// (a *QuotaError, a *StaleVersionError): not named for an ambiguous
// outcome, without the Timeout/Temporary methods of a net.Error, and
// carrying no status, code or kind that would make it stand for many
// failures (an *APIError holding a StatusCode can hold a 500).
func applicationType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || isStdPath(n.Obj().Pkg().Path()) || !implementsError(n) {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok || ambiguousWords.MatchString(n.Obj().Name()) {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		// A field holding another error wraps a cause, which may be a
		// timeout.
		if f := st.Field(i); carrierWords.MatchString(f.Name()) || implementsError(f.Type()) {
			return false
		}
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := 0; i < ms.Len(); i++ {
		if name := ms.At(i).Obj().Name(); name != "Error" && carrierWords.MatchString(name) {
			return false
		}
	}
	return true
}

// specificText judges `x == "…"` where x is read from an error
// (apiErr.Code, prob.Type, err.Error()) and the text is not about an
// ambiguous outcome: an application error code (class c).
func (r *refusals) specificText(other, val ast.Expr, s string) bool {
	if s == "" || r.ambiguousText(s) || !r.settledConstName(val) {
		return false
	}
	return r.errorDerived(other)
}

// specificCode judges `x == C` where C is a named constant of a code type
// declared outside the standard library (sqlite3.ErrBusy,
// codes.AlreadyExists) read from an error: class c unless the constant is
// named for an ambiguous outcome (codes.Unavailable, codes.Internal) or a
// 5xx status.
func (r *refusals) specificCode(other, val ast.Expr, v int64) bool {
	c, ok := objOf(r.info, val).(*types.Const)
	if !ok || ambiguousWords.MatchString(c.Name()) {
		return false
	}
	n, ok := types.Unalias(c.Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || isStdPath(n.Obj().Pkg().Path()) {
		return false
	}
	if isStatusExpr(r.info, other) && v >= 500 && v < 600 {
		return false
	}
	return r.errorDerived(other)
}

// refusalCode reports whether a code read from an error is compared to a
// constant named for a refusal or an aborted transaction (m.Number ==
// ErrLockDeadlock, also an untyped constant, which specificCode cannot
// tell by its type).
func (r *refusals) refusalCode(other, val ast.Expr) bool {
	c, ok := objOf(r.info, val).(*types.Const)
	if !ok || ambiguousWords.MatchString(c.Name()) {
		return false
	}
	return (refusalWords.MatchString(c.Name()) || abortCodeWords.MatchString(c.Name())) && r.errorDerived(other)
}

// settledConstName reports whether a compared value, when it is a named
// constant, is not named for an ambiguous outcome
// (pgerrcode.ConnectionFailure is).
func (r *refusals) settledConstName(val ast.Expr) bool {
	c, ok := objOf(r.info, val).(*types.Const)
	return !ok || !ambiguousWords.MatchString(c.Name())
}

// errorDerived reports whether e is read from an error value: a field or
// method of one (apiErr.Code, err.Error()), or a call given one
// (status.Code(err)).
func (r *refusals) errorDerived(e ast.Expr) bool {
	for range 8 {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if _, isPkg := r.info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
				return false
			}
			if implementsError(r.info.TypeOf(x.X)) {
				return true
			}
			e = x.X
		case *ast.CallExpr:
			for _, a := range x.Args {
				if implementsError(r.info.TypeOf(a)) {
					return true
				}
			}
			e = x.Fun
		default:
			return false
		}
	}
	return false
}

// identOf returns e when it is an identifier, else nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
