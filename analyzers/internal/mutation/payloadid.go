package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Ids the client puts in a request's payload. Generated clients pass the
// payload to a call builder, often in another function than the one that
// fills it:
//
//	req := &bq.QueryRequest{Query: q, RequestId: uid.New()}   // query.go
//	call := svc.Jobs.Query(project, req)                       // runQuery(req)
//	runWithRetry(ctx, func() error { _, err = call.Do(); return err })
//
// The service deduplicates on the request id (or per-row insert ids), or
// files the created thing under the id the client gave it (a job whose
// JobReference.JobId the client chose is refused when inserted again). The
// payload's type says where such ids live; that this package fills one of
// them (anywhere outside tests, with a value that is not a zero constant)
// says the client uses it. The value flows through parameters and
// builders twice does not follow, so the evidence is the package's writes
// of the field, not one value's path: a package that names some of its
// jobs and not others is trusted for all of them.

// dedupFields are payload fields whose value the service deduplicates a
// repeat on (Google APIs' requestId, BigQuery's per-row insertId, a
// client token, a dedup uuid). A message's own id is not among them: a
// broker drops a repeated id only when duplicate detection is on, which
// is off by default (Service Bus, Event Hubs, Kafka without idempotence).
// Any field named for deduplication or idempotency is one too
// (PagerDuty's DedupKey, a DeduplicationKey): see isDedupField.
var dedupFields = map[string]bool{
	"requestid": true, "insertid": true, "idempotencykey": true, "idempotencytoken": true, "clienttoken": true,
	"deduplicationid": true, "dedupid": true, "dedupeid": true, "messagededuplicationid": true, "uuid": true,
}

// maxPayloadDepth bounds the search of nested payload structs: a request,
// its rows, a row's fields.
const maxPayloadDepth = 3

// payloadIDKeys returns a Key for each id field of call's payload (its
// arguments, the request a helper built from them, or the payloads of the
// builder chain that made its receiver) that this package fills.
func (c *Classifier) payloadIDKeys(call *ast.CallExpr, scope ast.Node) []Key {
	var keys []Key
	seen := map[*types.Var]bool{}
	for _, arg := range c.payloadExprs(call) {
		if !c.unseenValue(arg) {
			continue
		}
		t := c.info.TypeOf(arg)
		for _, f := range c.idFields(t) {
			if seen[f] {
				continue
			}
			seen[f] = true
			if w, ok := c.filled(f, scope); ok {
				keys = append(keys, c.payloadKey(f, w, scope))
			}
		}
	}
	return keys
}

// unseenValue reports whether e's value is made where twice does not
// read it: a parameter, a field, a call's result, or a variable given
// one. A literal, or a local defined by one, shows which fields it fills
// (argEvidence and assignEvidence read them), and a field it leaves out
// is not filled.
func (c *Classifier) unseenValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit, *ast.BasicLit, *ast.FuncLit:
		return false
	case *ast.CallExpr:
		return wrapped(c, x) == nil
	case *ast.SelectorExpr:
		return true
	case *ast.Ident:
		v := c.varOf(x)
		if v == nil {
			return false
		}
		a, ok := c.single(v)
		if !ok {
			return true // a parameter, or a variable given several values
		}
		if a.call != nil {
			return true
		}
		_, isCall := ast.Unparen(a.rhs).(*ast.CallExpr)
		return isCall || c.unseenValue(a.rhs)
	}
	return false
}

// payloadExprs are the expressions whose values a call sends: its
// arguments, the arguments of the call that built a request argument, and
// for a call with none (call.Do()) those of the builder chain of its
// receiver.
func (c *Classifier) payloadExprs(call *ast.CallExpr) []ast.Expr {
	exprs := c.payloadArgs(call)
	for _, link := range c.builderChain(call) {
		exprs = append(exprs, link.Args...)
	}
	return exprs
}

// idFields lists the id fields of a payload type: dedup fields at any
// depth, and the payload's own id (JobId in a Job, the JobId of its
// JobReference).
func (c *Classifier) idFields(t types.Type) []*types.Var {
	st, name := payloadType(t)
	if st == nil {
		return nil
	}
	var out []*types.Var
	c.dedupFieldsOf(st, 0, &out)
	if name != "" {
		ownIDFields(st, name, &out)
	}
	return out
}

// payloadType unwraps pointers, slices and maps to a struct, returning it
// and its type name ("" for an unnamed struct).
func payloadType(t types.Type) (*types.Struct, string) {
	for i := 0; t != nil && i < maxPayloadDepth; i++ {
		switch u := types.Unalias(t).Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Struct:
			name := ""
			if n, ok := types.Unalias(t).(*types.Named); ok {
				name = n.Obj().Name()
			}
			return u, name
		default:
			return nil, ""
		}
	}
	return nil, ""
}

func (c *Classifier) dedupFieldsOf(st *types.Struct, depth int, out *[]*types.Var) {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if isDedupField(f.Name()) && scalar(deref(f.Type())) {
			*out = append(*out, f)
			continue
		}
		if depth+1 < maxPayloadDepth {
			if inner, _ := payloadType(f.Type()); inner != nil {
				c.dedupFieldsOf(inner, depth+1, out)
			}
		}
	}
}

// ownIDFields adds the fields that hold the payload's own id: <Type>Id,
// and the <Type>Id (or Id) of a <Type>Reference field. A bare Id is not
// one: generated types carry the server's id in the same struct the
// request sends, and a message's Id is no key unless the broker dedups.
func ownIDFields(st *types.Struct, name string, out *[]*types.Var) {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		switch {
		case (f.Name() == name+"Id" || f.Name() == name+"ID") && scalar(deref(f.Type())):
			*out = append(*out, f)
		case f.Name() == name+"Reference" || f.Name() == name+"Ref":
			if ref, _ := payloadType(f.Type()); ref != nil {
				for j := 0; j < ref.NumFields(); j++ {
					if g := ref.Field(j); ownID(g.Name(), name) && scalar(deref(g.Type())) {
						*out = append(*out, g)
					}
				}
			}
		}
	}
}

// idLikeField reports whether a field's name can be one idFields lists: a
// dedup field, or a name ending in Id/ID.
func idLikeField(name string) bool {
	return isDedupField(name) || strings.HasSuffix(strings.ToLower(name), "id")
}

// isDedupField reports whether a payload field's name says the receiver
// deduplicates on its value.
func isDedupField(name string) bool {
	lower := strings.ToLower(name)
	return dedupFields[lower] || strings.Contains(lower, "dedup") || strings.Contains(lower, "idempot")
}

func ownID(field, typeName string) bool {
	switch field {
	case "Id", "ID", typeName + "Id", typeName + "ID":
		return true
	}
	return false
}

// fieldWrite is one value this package gives a struct field: a keyed
// literal element or an assignment.
type fieldWrite struct {
	at    ast.Node
	value ast.Expr
}

// filled returns a write of field f in this package's non-test files
// whose value is not a zero constant ("", 0, nil), preferring one inside
// scope (where the key may be drawn anew per attempt).
func (c *Classifier) filled(f *types.Var, scope ast.Node) (fieldWrite, bool) {
	var found fieldWrite
	ok := false
	for _, w := range c.idx().fieldWrites[f] {
		if astpath.IsZeroConstant(c.info, w.value) {
			continue
		}
		if within(w.at, scope) {
			return w, true
		}
		if !ok {
			found, ok = w, true
		}
	}
	return found, ok
}

func within(n, scope ast.Node) bool {
	return scope != nil && scope.Pos() <= n.Pos() && n.End() <= scope.End()
}

// payloadKey is the Key of a filled id field. It counts as made anew per
// attempt only when it is filled inside scope with a fresh value (a uuid
// drawn inside the retried closure).
func (c *Classifier) payloadKey(f *types.Var, w fieldWrite, scope ast.Node) Key {
	k := Key{Name: f.Name(), At: w.at, Value: w.value, Origin: w.at.Pos()}
	if within(w.at, scope) {
		k.Origin, _ = c.origin(w.value, 0)
		k.Fresh = c.fresh(w.value, 0)
	}
	return k
}
