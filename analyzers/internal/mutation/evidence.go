package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// keyFields are SDK input fields that carry an idempotency key.
var keyFields = map[string]bool{"IdempotencyKey": true, "ClientToken": true, "IdempotencyToken": true, "MessageDeduplicationId": true}

// keyOptions are option constructors whose argument is the message or
// task id (nats.MsgId, jetstream.WithMsgID, asynq.TaskID), or that make
// the queue refuse a duplicate of the same task (asynq.Unique(ttl)).
var keyOptions = map[string]bool{"MsgId": true, "WithMsgID": true, "TaskID": true, "Unique": true}

// maxLitDepth bounds the nesting of composite literals searched for keys.
const maxLitDepth = 6

// Evidence returns the idempotency evidence attached to the mutating call,
// looking at scope: the enclosing *ast.FuncDecl, *ast.FuncLit or block.
//
// Keys: an Idempotency-Key / X-Idempotency-Key / Nats-Msg-Id header set on
// a request or message argument (Header.Set/Add or Header[…] = …), an SDK
// token field (IdempotencyKey, ClientToken, IdempotencyToken,
// MessageDeduplicationId) in an argument's composite literal or assigned to
// it, SetIdempotencyKey(v), nats.MsgId(v) / jetstream.WithMsgID(v) options,
// and for helpers with FuncFact.KeyParam the argument at that index. CAS:
// an If-Match header or a ResourceVersion set on an argument.
// CreateIfMissing: the call's error compared with an
// Already…/Exists/Conflict/Duplicate error or error code (errors.Is,
// an SDK's IsError(err, code)), its message matched for "already exists",
// IsAlreadyExists(err),
// status.Code(err) == codes.AlreadyExists, a 23505 unique violation, or its
// response's StatusCode compared with 409 (or switched on with a 409
// case: the client knows the API refuses a repeat); or, for a Create/Register/Insert
// call, a lookup of the same name before it that stops when the thing is
// found or guards the call with "not found" (checkedBeforeCreate).
func (c *Classifier) Evidence(call *ast.CallExpr, scope ast.Node) Evidence {
	var ev Evidence
	roots := map[*types.Var]bool{}
	for _, arg := range call.Args {
		c.argEvidence(&ev, arg, 0)
		if v := c.rootVar(arg); v != nil {
			roots[v] = true
			if a, ok := c.single(v); ok && a.rhs != nil {
				c.argEvidence(&ev, a.rhs, 0)
			}
			c.builderInputs(v, roots)
		}
	}
	ev.Keys = append(ev.Keys, c.payloadIDKeys(call, scope)...)
	ev.Keys = append(ev.Keys, c.sdkFilledTokens(call)...)
	if fn := c.calleeFunc(call); fn != nil && fn.Pkg() != nil && isRestyPkg(fn.Pkg().Path()) {
		if v := c.restyChainEvidence(&ev, call); v != nil {
			roots[v] = true
		}
	}
	if fn := c.calleeFunc(call); fn != nil {
		if f := c.facts(fn); f != nil && f.KeyParam >= 0 && f.KeyParam < len(call.Args) {
			ev.Keys = append(ev.Keys, c.key("idempotency key argument", call, call.Args[f.KeyParam]))
		}
	}
	if scope == nil {
		return ev
	}
	results := c.resultVars(call, scope)
	var errChecks []ast.Node
	ast.Inspect(scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.setterEvidence(&ev, n, roots)
			if n.Pos() > call.End() {
				errChecks = append(errChecks, n)
			}
		case *ast.AssignStmt:
			c.assignEvidence(&ev, n, roots)
		case *ast.BinaryExpr:
			if n.Pos() > call.End() && (n.Op == token.EQL || n.Op == token.NEQ) {
				errChecks = append(errChecks, n)
			}
		case *ast.SwitchStmt:
			if n.Pos() > call.End() && n.Tag != nil {
				errChecks = append(errChecks, n)
			}
		}
		return true
	})
	ev.CreateIfMissing = c.createIfMissing(errChecks, results) || c.checkedBeforeCreate(call, scope)
	return ev
}

// rootVar returns the variable at the root of arg: req, &params, msg.Header,
// req.Request.
func (c *Classifier) rootVar(e ast.Expr) *types.Var {
	for i := 0; i < maxDepth; i++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.Ident:
			return c.varOf(x)
		case *ast.CallExpr:
			// req.WithContext(ctx), req.Clone(ctx): a copy of the request
			// carrying the headers set on req.
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || !c.returnsOwnType(sel) {
				return nil
			}
			e = sel.X
		default:
			return nil
		}
	}
	return nil
}

// returnsOwnType reports whether sel selects a method whose one result
// has the receiver's type (a copy: (*http.Request).WithContext).
func (c *Classifier) returnsOwnType(sel *ast.SelectorExpr) bool {
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	sig, ok := s.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), s.Recv())
}

// argEvidence searches an argument expression (a composite literal, an
// option call) for keys and CAS fields.
func (c *Classifier) argEvidence(ev *Evidence, e ast.Expr, depth int) {
	if depth > maxLitDepth {
		return
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		c.argEvidence(ev, x.X, depth+1)
	case *ast.CallExpr:
		if fn := c.calleeFunc(x); fn != nil && keyOptions[fn.Name()] && len(x.Args) == 1 {
			ev.Keys = append(ev.Keys, c.key(fn.Name(), x, x.Args[0]))
			return
		}
		// A constructor that takes the options (asynq.NewTask(typ, payload,
		// asynq.TaskID(id))).
		for _, a := range x.Args {
			c.argEvidence(ev, a, depth+1)
		}
		if v := c.encodedValue(x); v != nil {
			c.payloadEvidence(ev, v, depth+1) // payloadkey.go: buf.Bytes() of an encoded batch
		}
	case *ast.Ident:
		if v := c.encodedValue(x); v != nil {
			c.payloadEvidence(ev, v, depth+1) // data from json.Marshal(batch)
		}
	case *ast.CompositeLit:
		if k, v, ok := c.documentID(x); ok {
			ev.Keys = append(ev.Keys, c.key("_id", k, v)) // a MongoDB document's own _id (mongo.go)
		}
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				c.argEvidence(ev, elt, depth+1)
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok {
				if c.placementEvidence(ev, k.Name, kv.Value) {
					continue
				}
				switch {
				case keyFields[k.Name]:
					ev.Keys = append(ev.Keys, c.key(k.Name, kv, kv.Value))
					continue
				case k.Name == "ResourceVersion" || k.Name == "IfMatch":
					ev.CAS = true
					continue
				}
			}
			if name := c.str(kv.Key, depth+1); name.known {
				if h := strings.ToLower(name.s); isKeyHeader(h) {
					ev.Keys = append(ev.Keys, c.key(name.s, kv, kv.Value))
					continue
				} else if h == "if-match" {
					ev.CAS = true
					continue
				} else if isPositionHeader(h) {
					ev.Positioned = true
					continue
				} else if isRemoteWriteHeader(h, c.headerValue(kv.Value)) {
					ev.Timestamped = true
					continue
				}
			}
			c.argEvidence(ev, kv.Value, depth+1)
		}
	}
}

// builderInputs adds to roots the variables passed to the calls that
// build v (req, err := c.prepareRequest(path, method, body, headers)): a
// header map filled before the builder copies it onto the request is the
// request's header (headers["Idempotency-Key"] = key).
func (c *Classifier) builderInputs(v *types.Var, roots map[*types.Var]bool) {
	if v.Pkg() != c.pass.Pkg {
		return
	}
	for _, a := range c.idx().assigns[v] {
		call := a.call
		if call == nil {
			call, _ = ast.Unparen(a.rhs).(*ast.CallExpr)
		}
		if call == nil {
			continue
		}
		for _, arg := range call.Args {
			if in := c.rootVar(arg); in != nil {
				roots[in] = true
			}
		}
	}
}

// setterEvidence reads req.Header.Set("Idempotency-Key", v),
// params.SetIdempotencyKey(v), obj.SetResourceVersion(v) on a root.
func (c *Classifier) setterEvidence(ev *Evidence, call *ast.CallExpr, roots map[*types.Var]bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !roots[c.rootVar(sel.X)] {
		return
	}
	c.headerSetter(ev, call, sel.Sel.Name)
}

// headerSetter reads one setter call of the method named method:
// Header.Set/Add and resty's SetHeader with an idempotency-key or If-Match
// header, SetIdempotencyKey(v), SetResourceVersion(v).
func (c *Classifier) headerSetter(ev *Evidence, call *ast.CallExpr, method string) {
	switch method {
	case "Set", "Add", "SetHeader":
		if len(call.Args) != 2 {
			return
		}
		name := c.str(call.Args[0], 0)
		if !name.known {
			return
		}
		switch h := strings.ToLower(name.s); {
		case isKeyHeader(h):
			ev.Keys = append(ev.Keys, c.key(name.s, call, call.Args[1]))
		case h == "if-match":
			ev.CAS = true
		case isPositionHeader(h):
			ev.Positioned = true
		case isRemoteWriteHeader(h, c.headerValue(call.Args[1])):
			ev.Timestamped = true
		}
	case "SetIdempotencyKey":
		if len(call.Args) == 1 {
			ev.Keys = append(ev.Keys, c.key("IdempotencyKey", call, call.Args[0]))
		}
	case "SetResourceVersion":
		ev.CAS = true
	}
}

// assignEvidence reads params.IdempotencyKey = v, in.ClientToken = v,
// obj.ResourceVersion = v, req.Header["Idempotency-Key"] = []string{v}.
func (c *Classifier) assignEvidence(ev *Evidence, as *ast.AssignStmt, roots map[*types.Var]bool) {
	for i, l := range as.Lhs {
		if i >= len(as.Rhs) {
			return
		}
		switch x := ast.Unparen(l).(type) {
		case *ast.SelectorExpr:
			if !roots[c.rootVar(x.X)] {
				continue
			}
			c.placementEvidence(ev, x.Sel.Name, as.Rhs[i])
			switch {
			case keyFields[x.Sel.Name]:
				ev.Keys = append(ev.Keys, c.key(x.Sel.Name, as, as.Rhs[i]))
			case x.Sel.Name == "ResourceVersion":
				ev.CAS = true
			case x.Sel.Name == "Header":
				c.argEvidence(ev, as.Rhs[i], 0) // req.Header = http.Header{"Idempotency-Key": {key}}
			}
		case *ast.IndexExpr:
			if !roots[c.rootVar(x.X)] {
				continue
			}
			name := c.str(x.Index, 0)
			if !name.known {
				continue
			}
			switch h := strings.ToLower(name.s); {
			case isKeyHeader(h):
				v := as.Rhs[i]
				if lit, ok := ast.Unparen(v).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
					v = lit.Elts[0]
				}
				ev.Keys = append(ev.Keys, c.key(name.s, as, v))
			case h == "if-match":
				ev.CAS = true
			case isPositionHeader(h):
				ev.Positioned = true
			case isRemoteWriteHeader(h, c.headerValue(as.Rhs[i])):
				ev.Timestamped = true
			}
		}
	}
}

// headerValue resolves a header's value as written: a string, or the one
// element of a []string literal (req.Header["Content-Encoding"] =
// []string{"snappy"}).
func (c *Classifier) headerValue(e ast.Expr) sval {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
		e = lit.Elts[0]
	}
	return c.str(e, 0)
}

// resultVars returns the variables that receive call's results (err, resp).
func (c *Classifier) resultVars(call *ast.CallExpr, scope ast.Node) map[*types.Var]bool {
	vars := map[*types.Var]bool{}
	ast.Inspect(scope, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call {
			return true
		}
		for _, l := range as.Lhs {
			if v := c.varOf(l); v != nil {
				vars[v] = true
			}
		}
		return false
	})
	c.addUnwrapped(vars, scope)
	return vars
}

// addUnwrapped adds to vars the variables that hold one of their errors
// as a concrete type: apiErr in errors.As(err, &apiErr), errors.AsType's
// first result, a type assertion's. A check of apiErr.StatusCode is a
// check of the call's outcome.
func (c *Classifier) addUnwrapped(vars map[*types.Var]bool, scope ast.Node) {
	if len(vars) == 0 {
		return
	}
	ast.Inspect(scope, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if astpath.CalleeName(x) == "As" && len(x.Args) == 2 && vars[c.rootVar(x.Args[0])] {
				if v := c.rootVar(x.Args[1]); v != nil {
					vars[v] = true
				}
			}
		case *ast.AssignStmt:
			if len(x.Rhs) != 1 || len(x.Lhs) == 0 {
				return true
			}
			if from := unwrappedFrom(x.Rhs[0]); from != nil && vars[c.rootVar(from)] {
				if v := c.varOf(x.Lhs[0]); v != nil {
					vars[v] = true
				}
			}
		}
		return true
	})
}

// unwrappedFrom returns the error e takes a concrete type from
// (errors.AsType[T](err), err.(T)), or nil.
func unwrappedFrom(e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		return x.X
	case *ast.CallExpr:
		if ix, ok := ast.Unparen(x.Fun).(*ast.IndexExpr); ok && len(x.Args) == 1 {
			if sel, ok := ix.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "AsType" {
				return x.Args[0]
			}
		}
	}
	return nil
}

// createIfMissing looks, among the checks after the call, for an
// already-exists predicate on one of its result variables.
func (c *Classifier) createIfMissing(checks []ast.Node, results map[*types.Var]bool) bool {
	if len(results) == 0 {
		return false
	}
	uses := func(e ast.Expr) bool {
		v := c.rootVar(e)
		return v != nil && results[v]
	}
	for _, n := range checks {
		switch x := n.(type) {
		case *ast.CallExpr:
			name := astpath.CalleeName(x)
			switch {
			case len(x.Args) == 2 && c.usesResult(x.Args[0], uses) && (existsName(x.Args[1]) || existsPhrase(x.Args[1])):
				// errors.Is(err, ErrAlreadyExists), an SDK's
				// IsError(err, ErrorCodeAlreadyApplied), and
				// strings.Contains(err.Error(), "already exists")
				return true
			case strings.HasPrefix(name, "Is") && existsWord(name) && len(x.Args) >= 1 && uses(x.Args[0]):
				// IsAlreadyExists, IsConflict, IsUniqueViolation, mongo's
				// IsDuplicateKeyError
				return true
			}
		case *ast.SwitchStmt:
			// switch resp.StatusCode { case http.StatusConflict: … }
			if c.isStatusOf(x.Tag, uses) && switchHasCase(c.info, x, "409") {
				return true
			}
		case *ast.BinaryExpr:
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				a, b := pair[0], pair[1]
				// status.Code(err) == codes.AlreadyExists
				if call, ok := ast.Unparen(a).(*ast.CallExpr); ok && astpath.CalleeName(call) == "Code" && len(call.Args) == 1 && uses(call.Args[0]) && existsName(b) {
					return true
				}
				// resp.StatusCode == http.StatusConflict / 409
				if c.isStatusOf(a, uses) {
					if tv, ok := c.info.Types[b]; ok && tv.Value != nil && tv.Value.String() == "409" {
						return true
					}
				}
			}
		}
	}
	return false
}

// isStatusOf reports whether e is the StatusCode field of one of the
// call's results (resp.StatusCode, res.StatusCode).
func (c *Classifier) isStatusOf(e ast.Expr, uses func(ast.Expr) bool) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "StatusCode" && uses(sel.X)
}

// switchHasCase reports whether a switch has a case listing the constant
// value (its String form).
func switchHasCase(info *types.Info, sw *ast.SwitchStmt, value string) bool {
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.String() == value {
				return true
			}
		}
	}
	return false
}

// usesResult reports whether e is one of the call's results, or the
// message of one (err.Error()).
func (c *Classifier) usesResult(e ast.Expr, uses func(ast.Expr) bool) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
			return uses(sel.X)
		}
	}
	return uses(e)
}

// existsPhrase: a string literal in an error message or API error code
// that says the thing was already done ("already exists",
// "firewall_already_applied", "duplicate key").
func existsPhrase(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s := strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(lit.Value))
	for _, w := range []string{"not ", "notfound", "nonexist", "missing"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	for _, w := range []string{"already", "duplicate", "conflict", "exists", "unique constraint", "unique violation"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// existsName: an error or code whose name says the thing already exists.
func existsName(e ast.Expr) bool {
	var name string
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return false
	}
	return existsWord(name)
}

// existsWord: a name that says the thing already exists (ErrConflict,
// IsDuplicateKeyError), not that it is missing.
func existsWord(name string) bool {
	if strings.Contains(name, "NotExist") || strings.Contains(name, "NotFound") {
		return false
	}
	for _, w := range []string{"Already", "Exists", "Conflict", "Duplicate", "UniqueViolation"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}
