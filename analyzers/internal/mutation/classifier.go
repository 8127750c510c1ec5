package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Classifier classifies the calls of one package. It is not safe for
// concurrent use.
type Classifier struct {
	pass  *analysis.Pass
	info  *types.Info
	cfg   config
	facts func(*types.Func) *FuncFact
	index *index // built on first use (idx)
	// indexOnce and namesMu make the lazily built caches safe to share:
	// unsaferetry and resend read the same model's classifier in parallel.
	indexOnce sync.Once
	namesMu   sync.Mutex
	sum       *sumState // set while Summarize runs
	// names caches types.Func.FullName for the -mutating/-idempotent
	// lookups: building the name string for every call was a sixth of the
	// analysis CPU. Used only when one of those flags is set.
	names map[*types.Func]string
	// analyzed reports whether a package's bodies were summarised (see
	// KnowBodies); nil: only this package's.
	analyzed func(*types.Package) bool
	// tokenDecls caches tokenRequest by declaration (under tokenMu: the
	// analyzers share the classifier).
	tokenMu    sync.Mutex
	tokenDecls map[*ast.FuncDecl]bool
	// impls caches implementations by interface method (under implsMu):
	// walking a package's scope for every call through an interface was a
	// measurable share of the analysis of a large SDK package.
	implsMu sync.Mutex
	impls   map[*types.Func][]*types.Func
	// foreignImpls caches, by interface method, the implementations
	// declared in the packages the interface's package imports
	// (implementations.go), under implsMu.
	foreignImpls map[*types.Func][]*types.Func
	// ctorImpls caches, by constructor package and interface method, the
	// implementations constructed.go judges, under implsMu.
	ctorImpls map[ctorKey][]*types.Func
	// uniqueFields returns the fields a struct type documents unique
	// (fielddocs.go); nil: none known.
	uniqueFields func(*types.TypeName) []string
}

// sumState is what Summarize learns while it classifies a body's calls.
type sumState struct {
	params map[*types.Var]int
	recv   *types.Var // the method's receiver (receiverfield.go), or nil
	fact   *FuncFact
	name   string // the summarised function's name (read evidence)
}

// config is Config as sets.
type config struct {
	mutating, idempotent map[string]bool
}

func newConfig(c Config) config {
	set := func(names []string) map[string]bool {
		m := make(map[string]bool, len(names))
		for _, n := range names {
			m[strings.TrimSpace(n)] = true
		}
		return m
	}
	return config{mutating: set(c.Mutating), idempotent: set(c.Idempotent)}
}

// NewClassifier returns a Classifier for pass. facts returns the FuncFact
// of a function from this or another package (nil if none); the model
// analyzer passes a closure over pass.ImportObjectFact plus its own
// in-progress results for the current package. facts may be nil.
func NewClassifier(pass *analysis.Pass, cfg Config, facts func(*types.Func) *FuncFact) *Classifier {
	if facts == nil {
		facts = func(*types.Func) *FuncFact { return nil }
	}
	return &Classifier{pass: pass, info: pass.TypesInfo, cfg: newConfig(cfg), facts: facts}
}

// Call reports whether call is a mutating, non-idempotent operation, and
// which. The order of judgement: the -idempotent flag, the -mutating flag,
// the built-in tables (HTTP, SQL, publishers, Redis, SDKs), the callee's
// FuncFact, and last the verb heuristic for bodies that cannot be judged.
func (c *Classifier) Call(call *ast.CallExpr) (Op, bool) {
	fn := c.calleeFunc(call)
	if fn == nil {
		return c.handlerSend(call) // requestholder.go
	}
	idempotent, mutating := c.listed(fn)
	if idempotent {
		return Op{}, false
	}
	if mutating {
		return listedOp(call, fn), true
	}
	if op, handled := c.table(call, fn); handled {
		if op.Kind != KindNone && (c.postReads(call, op) || c.messageOpReads(call, op)) {
			return Op{}, false
		}
		return op, op.Kind != KindNone
	}
	if opensHandle(fn) {
		return Op{}, false // a session, shell or file opened: a handle, not a record (handles.go)
	}
	fact := c.facts(fn)
	if fact != nil && fact.Idempotent {
		return Op{}, false
	}
	if inner := c.passedCall(call, fact); inner != nil && c.calleeFunc(inner) != fn {
		return c.Call(inner) // funcparam.go: the helper runs the function it is given
	}
	if op, ok, handled := c.doerSend(call, fn, fact); handled {
		return op, ok
	}
	if fact != nil {
		if op, ok := c.viaFact(call, fn, fact); ok {
			if c.postReads(call, op) || c.messageOpReads(call, op) {
				return Op{}, false
			}
			c.noteMessageParam(call, fn, fact, op)
			return op, true
		}
	}
	op, ok := c.verb(call, fn, fact)
	if ok {
		c.noteMessageParam(call, fn, fact, op)
	} else {
		c.noteRemoteCall(fn, fact)
	}
	if ok && (c.messageOpReads(call, op) || c.verbReads(call, op, fn)) {
		return Op{}, false // a send of a message naming a read (messageop.go), a read's transport
	}
	return op, ok
}

// listed reports whether fn is named by the -idempotent or the -mutating
// flag. Without those flags (the usual case) no name is built at all.
func (c *Classifier) listed(fn *types.Func) (idempotent, mutating bool) {
	if len(c.cfg.idempotent) == 0 && len(c.cfg.mutating) == 0 {
		return false, false
	}
	c.namesMu.Lock()
	full, ok := c.names[fn]
	if !ok {
		if c.names == nil {
			c.names = map[*types.Func]string{}
		}
		full = fn.FullName()
		c.names[fn] = full
	}
	c.namesMu.Unlock()
	return c.cfg.idempotent[full], c.cfg.mutating[full]
}

// listedOp is the write of a call of fn named by the -mutating flag.
func listedOp(call *ast.CallExpr, fn *types.Func) Op {
	return Op{
		Kind: KindCustom, Desc: displayName(fn) + " (listed as mutating)",
		Effect: "the operation can be performed twice", Pos: call.Pos(), Identity: "call " + fn.FullName(),
	}
}

// table applies the built-in tables. handled means the callee is one the
// tables know (an HTTP sender, a SQL executor, a Redis command, …), whose
// verdict is final even when it is "not mutating".
func (c *Classifier) table(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	if fn.Pkg() == nil {
		return Op{}, false
	}
	path := fn.Pkg().Path()
	switch {
	case path == "net/http" || path == retryablehttpPath:
		return c.httpCall(call, fn)
	case sqlLibrary(path):
		return c.sqlCall(call, fn)
	case isRedisPkg(path):
		return redisCall(call, fn)
	case isRestyPkg(path):
		return c.restyCall(call, fn)
	}
	if op, ok := c.customSQLCall(call, fn); ok {
		return op, true // a pool or transaction interface of the module's own (sqlexec.go)
	}
	if op, ok := publishCall(call, fn); ok {
		return op, true
	}
	if op, ok := mailCall(call, fn); ok {
		return op, true
	}
	if op, ok := c.mongoCall(call, fn); ok {
		return op, true
	}
	if op, ok := c.kubeCreate(call, fn); ok {
		return op, true
	}
	if op, ok := sdkCall(call, fn); ok {
		return op, true
	}
	return Op{}, false
}

// literalPath reports whether desc ("POST /repos/{…}/{…}/releases") ends
// in a path segment of its own: then the URL parameter is an inner piece
// of a template (an owner), not the path's tail (an RPC poster's
// base+path), and the callee's description stays.
func literalPath(desc string) bool {
	_, path, _ := strings.Cut(desc, " ")
	return strings.HasPrefix(path, "/") && !strings.HasSuffix(path, "{…}")
}

// viaFact classifies a call of a function that has a FuncFact: a write of
// its own (KindCall), or a helper whose parameters decide (method, SQL,
// request).
func (c *Classifier) viaFact(call *ast.CallExpr, fn *types.Func, f *FuncFact) (Op, bool) {
	if f.Op != nil {
		op := Op{
			Kind: KindCall, Root: f.Op.Primitive(), Desc: displayName(fn) + " (" + f.Op.Desc + ")", Write: f.Op.Desc, Effect: f.Op.Effect,
			Pos: c.posOf(f.Op.Posn), Posn: f.Op.Posn, Identity: "func " + fn.FullName(), Unsure: f.Op.Unsure,
		}
		if f.Op.Kind == KindHTTP && f.ReqMethod != "" && f.HTTPURLParam >= 0 && f.HTTPURLParam < len(call.Args) && !literalPath(f.Op.Desc) {
			if p := urlPath(c.pieces(c.argExpr(call.Args[f.HTTPURLParam], f.HTTPURLField), 0)); p != "" {
				op.Write = f.ReqMethod + " " + p
				op.Desc = displayName(fn) + " (" + op.Write + ")"
			}
		}
		return op, true
	}
	if f.BuildsRequest {
		return Op{}, false
	}
	if methodArg := c.callArg(call, f.HTTPMethodParam); methodArg != nil {
		m := c.argValue(methodArg, f.HTTPMethodField)
		var urlArg ast.Expr
		if arg := c.callArg(call, f.HTTPURLParam); arg != nil {
			urlArg = c.argExpr(arg, f.HTTPURLField)
			p, ok := c.forwardedParam(arg, f.HTTPURLField)
			if !ok && f.HTTPURLField != "" {
				p, ok = c.embeddedParam(arg) // &req.Request
			}
			if urlArg == nil && ok {
				// A wrapper passing on its own parameter whose field holds
				// the URL: its callers describe the path.
				return c.httpOpPieces(call, m, nil, []piece{{param: p, field: f.HTTPURLField}})
			}
		}
		return c.httpOp(call, m, urlArg)
	}
	if arg := c.callArg(call, f.RequestParam); arg != nil {
		return c.sendRequest(call, arg) // a parameter, or the request config a method is called on
	}
	if arg := c.callArg(call, f.HTTPURLParam); arg != nil && f.ReqMethod != "" {
		// A helper fixing the method and taking the URL (an RPC poster).
		return c.httpOp(call, sval{known: true, s: f.ReqMethod, param: -1}, c.argExpr(arg, f.HTTPURLField))
	}
	if f.SQLParam >= 0 && f.SQLParam < len(call.Args) {
		return c.sqlOp(call, call.Args[f.SQLParam])
	}
	return Op{}, false
}

// calleeFunc returns the function or method call invokes statically (an
// interface method included), or nil.
func (c *Classifier) calleeFunc(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	return fn
}

// displayName is a short readable name: Client.SaveJob, billing.Charge,
// Repositories.CreateRelease (a *RepositoriesService method).
func displayName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name := strings.TrimSuffix(n.Obj().Name(), "Service")
			if name == "" {
				name = n.Obj().Name()
			}
			return name + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// posOf maps a file:line:col position of the current package back to a
// token.Pos (NoPos for other packages, or when it cannot be found).
func (c *Classifier) posOf(posn string) token.Pos {
	k := strings.LastIndexByte(posn, ':')
	if k < 0 {
		return token.NoPos
	}
	j := strings.LastIndexByte(posn[:k], ':')
	if j < 0 {
		return token.NoPos
	}
	line, err1 := strconv.Atoi(posn[j+1 : k])
	col, err2 := strconv.Atoi(posn[k+1:])
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		return token.NoPos
	}
	for _, f := range c.pass.Files {
		tf := c.pass.Fset.File(f.Pos())
		if tf == nil || tf.Name() != posn[:j] || line > tf.LineCount() {
			continue
		}
		start := tf.LineStart(line)
		if off := tf.Offset(start) + col - 1; off <= tf.Size() {
			return tf.Pos(off)
		}
	}
	return token.NoPos
}

// posn formats pos as file:line:col.
func (c *Classifier) posn(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := c.pass.Fset.Position(pos)
	return p.Filename + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}
