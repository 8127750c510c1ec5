package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/types/typeutil"
)

// walk is one pass over the package's function declarations.
type walk struct {
	f      *Finder
	info   *types.Info
	helper func(*types.Func) *Helper
	scopes []*Scope

	// Per declaration.
	decl   *ast.FuncDecl
	params map[types.Object]int // func-typed parameters of decl → index
	// funcLits are the literals each local func variable is given
	// (op = func…{} in each branch of an if).
	funcLits map[types.Object][]*ast.FuncLit
	attempts map[int]types.Object      // attempt-counter parameters of decl
	labels   map[ast.Stmt]string       // labeled statements of decl → label
	aliases  map[types.Object]ast.Expr // variables of decl copying a status → the status read
	// Calls of decl's func-typed parameters (for helper detection).
	paramCalls []paramCall

	clients clientState
	ref     *refusals
	// methodParams are the parameters of the status predicate being
	// read that hold the retried request's method (methodgate.go).
	methodParams map[types.Object]bool
}

type paramCall struct {
	decl  *ast.FuncDecl
	call  *ast.CallExpr
	param int
	field string // a call of the receiver's func field (param -1)
}

func newWalk(f *Finder, helper func(*types.Func) *Helper) *walk {
	w := &walk{f: f, info: f.info, helper: helper, clients: newClientState(), ref: f.newRefusals()}
	w.clients.finder = f
	return w
}

// run walks the function declarations and the package-level variable
// initialisers (var handler = func(…) { retry.Do(…) }), in source order.
func (w *walk) run() {
	for _, file := range w.f.pass.Files {
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				w.enterDecl(d)
				ast.Inspect(d.Body, w.visit)
				w.secondAttempts(d.Body)
				w.rebuffer(d)
				w.retained(d)
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				// Func literals here run later, called through the
				// variable: their scopes have no enclosing declaration.
				w.enterPackageLevel()
				for _, spec := range d.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						ast.Inspect(v, w.visit)
					}
				}
			}
		}
	}
	w.scopes = append(w.scopes, w.clients.resolve(w)...)
}

// enterPackageLevel resets the per-declaration state for code outside any
// function declaration.
func (w *walk) enterPackageLevel() {
	w.decl = nil
	w.params = map[types.Object]int{}
	w.funcLits = map[types.Object][]*ast.FuncLit{}
	w.attempts = map[int]types.Object{}
	w.labels = map[ast.Stmt]string{}
	w.aliases = nil
}

// attemptName matches parameter names of attempt counters.
var attemptName = regexp.MustCompile(`(?i)(attempt|retr|tries|try)`)

func (w *walk) enterDecl(d *ast.FuncDecl) {
	w.decl = d
	w.params = map[types.Object]int{}
	w.funcLits = map[types.Object][]*ast.FuncLit{}
	w.attempts = map[int]types.Object{}
	w.labels = map[ast.Stmt]string{}
	w.aliases = w.statusAliases(d.Body)
	i := 0
	for _, field := range d.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, name := range names {
			obj := w.info.Defs[name]
			if obj != nil {
				switch t := obj.Type().Underlying().(type) {
				case *types.Signature:
					w.params[obj] = i
				case *types.Basic:
					if t.Info()&types.IsInteger != 0 && attemptName.MatchString(name.Name) {
						w.attempts[i] = obj
					}
				}
			}
			i++
		}
	}
}

func (w *walk) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		w.recordFuncLits(n)
		w.clients.noteAssign(w, n)
	case *ast.ValueSpec:
		for i, name := range n.Names {
			if i < len(n.Values) {
				if lit, ok := ast.Unparen(n.Values[i]).(*ast.FuncLit); ok {
					if obj := w.info.Defs[name]; obj != nil {
						w.funcLits[obj] = append(w.funcLits[obj], lit)
					}
				}
			}
		}
	case *ast.CompositeLit:
		w.clients.noteComposite(w, n)
	case *ast.LabeledStmt:
		w.labels[n.Stmt] = n.Label.Name
	case *ast.CallExpr:
		w.call(n)
	case *ast.BlockStmt:
		w.gotoLoops(n.List)
	case *ast.CaseClause:
		w.gotoLoops(n.Body)
	case *ast.CommClause:
		w.gotoLoops(n.Body)
	case *ast.ForStmt:
		w.forLoop(n)
	case *ast.RangeStmt:
		w.rangeLoop(n)
	}
	return true
}

// recordFuncLits remembers `op := func() error {…}` so that retry.Do(op)
// resolves to the literal.
func (w *walk) recordFuncLits(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, rhs := range as.Rhs {
		lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
		if !ok {
			continue
		}
		if id, ok := as.Lhs[i].(*ast.Ident); ok {
			if obj := w.info.ObjectOf(id); obj != nil {
				w.funcLits[obj] = append(w.funcLits[obj], lit)
			}
		}
	}
}

// call handles one call: retry libraries, helpers, -retryfuncs, recursion,
// calls of the declaration's func parameters, and retrying clients.
func (w *walk) call(call *ast.CallExpr) {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if i, ok := w.params[w.info.Uses[id]]; ok {
			w.paramCalls = append(w.paramCalls, paramCall{decl: w.decl, call: call, param: i})
		}
	}
	w.notePassedParam(call)
	w.noteFieldCall(call)
	fn, _ := typeutil.Callee(w.info, call).(*types.Func)
	if fn == nil {
		return
	}
	fn = fn.Origin() // a method of an instantiated generic type: facts are on the declaration
	if lib, ok := lookupLibrary(w.f.libs, fn); ok {
		retries, byDefault := true, false
		if lib.Options {
			retries, byDefault = w.optionsRetry(call, lib.Arg)
		}
		if !lib.Safe && lib.Arg < len(call.Args) && !(lib.Activity && w.activityRetriesOff(call)) && retries && !w.libraryOneAttempt(call) {
			for _, s := range w.addArgScopes(KindLibrary, lib.Mechanism, call, call.Args[lib.Arg], Helper{}) {
				s.DefaultOptionsRetry = byDefault
				w.guardLibrary(s, lib, call)
			}
		}
		return
	}
	if r, ok := lookupRedeliverer(fn); ok {
		w.addHandlerScopes(r, call) // redelivery.go
		return
	}
	if h := w.helper(fn); h != nil && h.FuncParam >= 0 && h.FuncParam < len(call.Args) && !isVariadicParam(fn, h.FuncParam) {
		if w.singleAttempt(h, call) {
			return // a bound of one attempt: the func runs once
		}
		mech := ShortName(fn) + " (retries its func argument)"
		if h.RetriesCommit {
			mech = ShortName(fn) + ", which also re-runs the transaction when COMMIT failed"
		}
		w.addHelperScopes(h, mech, call, call.Args[h.FuncParam])
		return
	}
	if h := w.helper(fn); h != nil && h.FuncField != "" {
		w.addFieldScopes(call, fn, h)
		return
	}
	if w.f.isRetryFunc(fn) {
		mech := ShortName(fn) + " (a retry function from -retryfuncs)"
		for _, arg := range call.Args {
			if _, ok := w.info.TypeOf(arg).Underlying().(*types.Signature); ok {
				w.addArgScopes(KindHelper, mech, call, arg, Helper{})
			}
		}
		return
	}
	w.recursion(call, fn)
	w.clients.noteCall(w, call, fn)
}

// addHelperScopes adds the scopes of the operation op that a call of
// helper h retries, with the helper's transaction behaviour and, when the
// helper follows the operation's verdict, the verdict read from op.
func (w *walk) addHelperScopes(h *Helper, mech string, call *ast.CallExpr, op ast.Expr) {
	for _, s := range w.addArgScopes(KindHelper, mech, call, op, Helper{TxBeforeCommit: h.TxBeforeCommit, RetriesCommit: h.RetriesCommit, FuncArgs: h.FuncArgs}) {
		if !h.Verdict {
			continue
		}
		s.Verdict, s.VerdictAt, s.VerdictStops = true, h.VerdictAt, h.VerdictStops
		if s.Param < 0 {
			w.guardVerdict(s)
		}
	}
}

// addArgScopes adds the scopes of a retried func argument: a literal (or
// each literal a local variable is given: the branches of an if may each
// assign the operation), a named function or method value, or a
// func-typed parameter of the enclosing declaration (a helper). h carries
// the transaction behaviour of a retry helper (zero for libraries). It
// returns the scopes added.
func (w *walk) addArgScopes(kind Kind, mech string, call *ast.CallExpr, arg ast.Expr, h Helper) []*Scope {
	s := &Scope{Kind: kind, Mechanism: mech, Pos: call.Pos(), Param: -1, Encl: w.decl,
		TxBeforeCommit: h.TxBeforeCommit, RetriesCommit: h.RetriesCommit}
	switch a := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		s.Body = a.Body
	case *ast.Ident, *ast.SelectorExpr:
		switch o := objOf(w.info, a).(type) {
		case *types.Func:
			s.Func, s.Arg = o, arg
			s.FuncCall = w.argCall(call, arg, o, h.FuncArgs) // funcargs.go
		case *types.Var:
			if lits := w.funcLits[o]; len(lits) > 0 {
				return w.addLitScopes(s, lits)
			}
			i, ok := w.params[o]
			if !ok {
				return nil
			}
			s.Param, s.FuncArgs = i, w.forwardedArgs(call, h.FuncArgs)
		default:
			return nil
		}
	case *ast.CallExpr:
		lit, d := w.returnedLiteral(a)
		if lit == nil {
			return nil
		}
		s.Body, s.Encl = lit.Body, d // returnedfunc.go
	default:
		return nil
	}
	w.scopes = append(w.scopes, s)
	return []*Scope{s}
}

// addLitScopes adds a copy of s for each literal a func variable is given.
func (w *walk) addLitScopes(s *Scope, lits []*ast.FuncLit) []*Scope {
	out := make([]*Scope, 0, len(lits))
	for _, lit := range lits {
		c := *s
		c.Body = lit.Body
		out = append(out, &c)
	}
	w.scopes = append(w.scopes, out...)
	return out
}
