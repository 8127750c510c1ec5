package mutation

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// A PATCH that sets fields to the values it carries is idempotent: sent
// twice, it leaves the resource as sent once (UpdateDNSRecord{Name, TTL},
// {"value": "on"}). One that appends, adds or increments is not (a list
// patch with an "append" member adds the items again). The evidence is
// the payload's type: a struct (or a pointer to or slice of one) declared
// outside the standard library, none of whose own fields is named for an
// append or an increment, or is an operation code (JSON Patch's "op":
// "add" appends). Nested structs are values being set (a rule's
// add_headers setting), not patch members. A payload twice cannot see as
// such a struct (bytes, a reader, a map, nil, a request-options struct
// with its own method or body) keeps today's judgement: a write. A call
// with no payload of its own (a generated client's call.Do()) is judged by
// the payloads of the builder chain that made its receiver.

// patchWords in a field's name make the PATCH more than a set.
var patchWords = map[string]bool{
	"append": true, "add": true, "insert": true, "push": true, "prepend": true, "increment": true,
	"incr": true, "inc": true, "decrement": true, "decr": true, "delta": true,
}

// requestFields name the fields of a request description (an options
// struct carrying the method and the payload), not of a payload.
var requestFields = map[string]bool{"method": true, "body": true, "payload": true}

// opNames are whole field names of an operation code.
var opNames = map[string]bool{"op": true, "ops": true, "operation": true, "operations": true}

// payloadShape is what a call's payload says of a repeat.
type payloadShape int

const (
	shapeUnknown payloadShape = iota // no payload struct twice can read
	shapeSets                        // every payload struct only sets fields
	shapeAdds                        // a payload struct appends, increments or carries an operation code
)

// patchSets reports whether op is a PATCH whose call passes a payload that
// only sets fields.
func (c *Classifier) patchSets(call *ast.CallExpr, op Op) bool {
	method, _, _ := strings.Cut(op.WriteDesc(), " ")
	if op.Primitive() != KindHTTP || method != "PATCH" {
		return false
	}
	shape := c.payload(call)
	if shape == shapeUnknown {
		shape = c.builderPayload(call)
	}
	return shape == shapeSets
}

// builderPayload judges the payload of a call that sends what a builder
// chain gathered before it (generated clients: call :=
// svc.Datasets.Patch(id, ds).Context(ctx), then call.Do() inside the
// retry): the payloads passed along the chain that built the receiver.
// A receiver kept in a field of a local literal (tpc := &patchCall{call:
// svc.Tables.Patch(…)}; tpc.call.Do()) is followed to the literal.
func (c *Classifier) builderPayload(call *ast.CallExpr) payloadShape {
	shape := shapeUnknown
	for _, link := range c.builderChain(call) {
		switch c.payload(link) {
		case shapeAdds:
			return shapeAdds
		case shapeSets:
			shape = shapeSets
		}
	}
	return shape
}

// builderChain returns the calls of the builder chain that made the
// receiver of call, a call with no arguments of its own (call.Do()),
// from the last link to the first; nil for any other call.
func (c *Classifier) builderChain(call *ast.CallExpr) []*ast.CallExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) > 0 {
		return nil
	}
	var links []*ast.CallExpr
	x := c.builtValue(sel.X)
	for i := 0; i < maxChain; i++ {
		link, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			break
		}
		links = append(links, link)
		next, ok := ast.Unparen(link.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = next.X
	}
	return links
}

// payload judges the payload structs call passes: one that adds decides,
// then one whose shape twice cannot read (a request description), else
// sets-only when at least one was seen.
func (c *Classifier) payload(call *ast.CallExpr) payloadShape {
	shape := shapeUnknown
	described := false
	for _, arg := range c.payloadArgs(call) {
		st := c.payloadStruct(c.info.TypeOf(arg))
		if st == nil {
			continue
		}
		switch c.structShape(st) {
		case shapeAdds:
			return shapeAdds
		case shapeUnknown:
			described = true
		default:
			shape = shapeSets
		}
	}
	if described {
		return shapeUnknown
	}
	return shape
}

// payloadArgs lists the call's arguments and, for an argument that is a
// request built once by another call (req, err := c.NewRequest(ctx,
// http.MethodPatch, uri, update); c.Do(ctx, req)), that call's arguments.
func (c *Classifier) payloadArgs(call *ast.CallExpr) []ast.Expr {
	args := append([]ast.Expr(nil), call.Args...)
	for _, arg := range call.Args {
		id, ok := ast.Unparen(arg).(*ast.Ident)
		if !ok {
			continue
		}
		v := c.varOf(id)
		if v == nil {
			continue
		}
		a, ok := c.single(v)
		if !ok {
			continue
		}
		built := a.call
		if built == nil {
			built, _ = ast.Unparen(a.rhs).(*ast.CallExpr)
		}
		if built != nil {
			args = append(args, built.Args...)
		}
	}
	return args
}

// payloadStruct returns the struct a payload argument of type t carries
// (T, *T, []T, []*T with T a struct declared outside the standard
// library, unless it is the analyzed package), or nil.
func (c *Classifier) payloadStruct(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	if n, isNamed := types.Unalias(t).(*types.Named); isNamed {
		pkg := n.Obj().Pkg()
		if pkg == nil || IsStd(pkg.Path()) && pkg != c.pass.Pkg {
			return nil // a standard-library struct (*http.Request) is no payload
		}
	}
	return st
}

// structShape: a field that says append, add, increment or operation
// makes st add; a method or body field makes it a request description,
// whose payload is elsewhere (unknown); otherwise st only sets.
func (c *Classifier) structShape(st *types.Struct) payloadShape {
	described := false
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if requestFields[strings.ToLower(f.Name())] {
			described = true
			continue
		}
		for _, name := range []string{f.Name(), jsonName(st.Tag(i))} {
			if opNames[strings.ToLower(name)] {
				return shapeAdds
			}
			for _, w := range nameWords(name) {
				if patchWords[w] {
					return shapeAdds
				}
			}
		}
	}
	if described {
		return shapeUnknown
	}
	return shapeSets
}

// jsonName is the name a struct tag gives a field in JSON, "" if none.
func jsonName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

// builtValue returns the expression a builder receiver was given: e
// itself, the one value a local variable is assigned, or the entry of a
// field of a local assigned a literal once.
func (c *Classifier) builtValue(e ast.Expr) ast.Expr {
	if c.varOf(e) != nil {
		if rhs := c.singleValue(e); rhs != nil {
			return rhs
		}
		return e
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return e
	}
	v := c.varOf(sel.X)
	if v == nil {
		return e
	}
	a, ok := c.single(v)
	if !ok || a.rhs == nil {
		return e
	}
	lit := astpath.Literal(a.rhs)
	if lit == nil {
		return e
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == sel.Sel.Name {
				return kv.Value
			}
		}
	}
	return e
}
