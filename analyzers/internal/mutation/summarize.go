package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// Summarize computes the FuncFact of decl, or nil when the function does
// nothing worth a fact:
//   - Idempotent from //twice:idempotent in the doc comment or the
//     -idempotent flag (nothing else is then recorded);
//   - Op: the first mutating call in the body in source order (func
//     literals included, except returned ones and those stored in composite
//     literals, which run later if at all);
//   - the parameter roles: a parameter that reaches the HTTP method, URL,
//     request or SQL text position of a send, directly or via a local
//     variable; BuildsRequest when a returned *http.Request is built from
//     them; KeyParam when the Op's idempotency key is a parameter.
//
// Callees' facts come from the facts closure: call Summarize for the
// functions of a package callee-first, or repeat until no fact changes.
func (c *Classifier) Summarize(decl *ast.FuncDecl) *FuncFact {
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	f := emptyFact()
	listedIdempotent, listedMutating := c.listed(fn)
	if DeclaredIdempotent(decl.Doc) || listedIdempotent {
		f.Idempotent = true
		return f
	}
	if decl.Body == nil {
		return nil
	}
	if fn.Exported() {
		// Accessor facts are for other packages; this package reads its
		// accessors' declarations (accessorFields).
		f.GetsField, f.SetsField = accessor(c.info, decl)
	}
	c.sum = &sumState{params: paramIndexes(c.info, decl), recv: receiverVar(c.info, decl), fact: f, name: decl.Name.Name}
	defer func() { c.sum = nil }()

	var opEvidence Evidence // of the call that made f.Op
	var opCall *ast.CallExpr
	walkExecuted(decl.Body, func(call *ast.CallExpr) {
		if f.Retries == nil {
			f.Retries = c.forwardedRetry(call)
		}
		c.noteCalledParam(call)
		if f.Op != nil {
			return
		}
		if op, ok := c.Call(call); ok {
			if c.receivedItem(call, decl) {
				return // pump.go: an item received in this run, written once
			}
			if c.onFailurePath(call, decl) {
				return // failurepath.go: a clean-up on the way out of a failure
			}
			ev := c.Evidence(call, decl)
			if ev.Guarded() {
				// a chunk placed at an offset, a precondition, or a create
				// that treats "already there" as done: a repeat changes nothing
				return
			}
			if ev.CreateIfMissing || c.insertOrUpdate(call, op, decl) {
				// The body takes an already-exists answer (a unique
				// violation, 409) as done, or updates the row on the other
				// branch (sqlbranch.go): a repeat is refused or rewrites
				// the row, it is not doubled.
				return
			}
			f.Op = &OpFact{Kind: op.Kind, Root: op.Root, Desc: op.WriteDesc(), Effect: op.Effect, Identity: op.Identity, Posn: op.Posn, Unsure: op.Unsure}
			if f.Op.Posn == "" {
				f.Op.Posn = c.posn(op.Pos)
			}
			opEvidence, opCall = ev, call
		}
	})
	if f.Op == nil && listedMutating {
		f.Op = &OpFact{Kind: KindCustom, Desc: displayName(fn) + " (listed as mutating)",
			Effect: "the operation can be performed twice", Identity: "call " + fn.FullName(), Posn: c.posn(decl.Name.Pos())}
	}
	if f.Op != nil {
		f.Remote = false // the write says more than the name would
	}
	if f.Op == nil {
		// HTTPURLParam/ReqMethod describe an Op's URL only.
		if !f.BuildsRequest && f.HTTPMethodParam < 0 {
			f.HTTPURLParam, f.HTTPURLField, f.ReqMethod = -1, "", ""
		}
	}
	if f.Op != nil {
		for _, k := range opEvidence.Keys {
			if v := c.varOf(k.Value); v != nil {
				if p, ok := c.paramIndex(v); ok {
					f.KeyParam = p
					break
				}
			}
		}
	}
	c.summarizeOpName(decl, f, opCall)
	c.summarizeDoneAfterWrite(decl, f)
	c.summarizeFormat(decl, f)
	c.summarizeBuilder(decl, f)
	c.summarizeKeyedBuilder(decl, f)
	c.summarizeCopy(decl, f)
	if (f.Op != nil || f.Remote) && c.idx().repeatSafe[decl] {
		// Documented to find the thing a first call made (docsemantics.go):
		// its write is safe to repeat, as if declared idempotent.
		f = emptyFact()
		f.Idempotent = true
	}
	if f.IsZero() {
		return nil
	}
	return f
}

// summarizeBuilder sets BuildsRequest when the function returns an
// *http.Request whose method is a parameter or a constant.
func (c *Classifier) summarizeBuilder(decl *ast.FuncDecl, f *FuncFact) {
	reqResult := requestResult(c, decl)
	if reqResult < 0 {
		reqResult = holderResult(c, decl) // requestholder.go
	}
	if f.Op != nil || reqResult < 0 {
		return
	}
	named := namedResult(decl, reqResult) // `return` of (req *http.Request, err error)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || f.BuildsRequest {
			return true
		}
		var r request
		var found bool
		switch {
		case len(ret.Results) == 0 && named != nil:
			r, found = c.request(named, 0)
		case len(ret.Results) > reqResult:
			r, found = c.request(ret.Results[reqResult], 0)
		case len(ret.Results) == 1:
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok && reqResult == 0 {
				r, found = c.requestCall(call, 0)
			}
		}
		if !found || r.param >= 0 {
			return true
		}
		switch {
		case r.method.param >= 0:
			f.HTTPMethodParam, f.HTTPMethodField = r.method.param, r.method.field
		case r.method.known:
			f.ReqMethod = strings.ToUpper(r.method.s)
		default:
			return true
		}
		f.BuildsRequest = true
		f.HTTPURLParam, f.HTTPURLField = -1, ""
		if r.url != nil {
			ps := c.pieces(r.url, 0)
			f.HTTPURLParam, f.HTTPURLField = pathParamField(ps)
			if path := spelledPath(ps); path != "" {
				f.HTTPURLParam, f.HTTPURLField, f.ReqPath = -1, "", path
			}
		}
		return true
	})
}

// namedResult returns the name of result i of decl, or nil when the
// results are not named.
func namedResult(decl *ast.FuncDecl, i int) *ast.Ident {
	n := 0
	for _, field := range decl.Type.Results.List {
		for _, name := range field.Names {
			if n == i {
				return name
			}
			n++
		}
		if len(field.Names) == 0 {
			n++
		}
	}
	return nil
}

// DeclaredIdempotent reports whether a doc comment carries
// //twice:idempotent. Every analyzer reads the directive through it.
func DeclaredIdempotent(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, cm := range doc.List {
		if strings.HasPrefix(strings.TrimSpace(cm.Text), "//twice:idempotent") {
			return true
		}
	}
	return false
}

// paramIndexes numbers the declared parameters of decl (receiver not
// counted).
func paramIndexes(info *types.Info, decl *ast.FuncDecl) map[*types.Var]int {
	m := map[*types.Var]int{}
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				m[v] = i
			}
			i++
		}
	}
	return m
}

// walkExecuted visits, in source order, the calls that run when body runs:
// func literals count (they are usually called or handed to a retry
// helper), except those returned or stored in composite literals.
func walkExecuted(body *ast.BlockStmt, visit func(*ast.CallExpr)) {
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if _, ok := ast.Unparen(r).(*ast.FuncLit); !ok {
					ast.Inspect(r, walk)
				}
			}
			return false
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				v := e
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					v = kv.Value
				}
				if _, ok := ast.Unparen(v).(*ast.FuncLit); !ok {
					ast.Inspect(e, walk)
				}
			}
			return false
		case *ast.CallExpr:
			visit(n)
		}
		return true
	}
	ast.Inspect(body, walk)
}

// spelledPath returns the path of a URL whose pieces spell out a path
// segment before the first parameter and end with one after the last
// ("/teams/" + team + "/runs"), or "": the builder's own text says what
// the request does, and its parameters only fill the ids in. A URL that
// ends with a parameter ("/v1/" + path) takes its path from the caller.
func spelledPath(ps []piece) string {
	if len(ps) == 0 {
		return ""
	}
	if last := ps[len(ps)-1]; !last.known || strings.Trim(last.s, "/.") == "" {
		return ""
	}
	for _, p := range ps {
		if p.param >= 0 {
			return ""
		}
		if p.known && strings.Contains(p.s, "/") && strings.Trim(p.s, "/.") != "" {
			return urlPath(ps)
		}
	}
	return ""
}
