package mutation

import (
	"go/ast"
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Keys inside an encoded payload. An events client encodes a batch once,
// before its retry loop, and uploads the same bytes on every attempt:
//
//	b := batch{MessageId: c.uid(), SentAt: c.now(), Messages: msgs}
//	json.NewEncoder(&buf).Encode(b)
//	for i := 0; i != attempts; i++ {
//		if err = c.upload(buf.Bytes()); err == nil { … }
//	}
//
// The batch's message id is the ingestion API's dedup key, made once: a
// repeat is dropped. The bytes passed to the write (buf.Bytes(), data
// from json.Marshal(b)) are followed to the value encoded into them, which
// is searched for keys like any literal argument.

// payloadKeyFields are payload fields that ingestion APIs deduplicate on:
// a message or event id (Segment's messageId, RudderStack, Mixpanel's
// $insert_id as InsertID, BigQuery streaming's insertId).
var payloadKeyFields = map[string]bool{
	"MessageId": true, "MessageID": true, "EventId": true, "EventID": true, "InsertId": true, "InsertID": true,
}

// encodedValue returns the value whose JSON (or XML) encoding e holds: for
// buf.Bytes() or buf, the v of a json.NewEncoder(…&buf…).Encode(v) in the
// same function; for data, the v of `data, err := json.Marshal(v)`.
func (c *Classifier) encodedValue(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || len(call.Args) != 0 || sel.Sel.Name != "Bytes" && sel.Sel.Name != "String" {
			return nil
		}
		e = sel.X
	}
	v := c.varOf(e)
	if v == nil {
		return nil
	}
	decl := c.enclosingDecl(v.Pos())
	if decl == nil || decl.Body == nil {
		return nil
	}
	defs, _ := astpath.Definitions(c.info, decl.Body, v)
	for _, d := range astpath.WithValues(defs) {
		if call, ok := ast.Unparen(d.Rhs).(*ast.CallExpr); ok && d.Index == 0 && c.isMarshal(call) && len(call.Args) == 1 {
			return call.Args[0] // data, err := json.Marshal(b)
		}
	}
	return c.encodedInto(decl.Body, v)
}

// encodedInto finds `enc.Encode(x)` in body where the encoder is built
// over v or over a writer built over v (gzip.NewWriter(&buf)).
func (c *Classifier) encodedInto(body *ast.BlockStmt, v *types.Var) ast.Expr {
	var out ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || out != nil || len(call.Args) != 1 {
			return out == nil
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Encode" {
			return true
		}
		fn := c.calleeFunc(call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" && fn.Pkg().Path() != "encoding/xml" {
			return true
		}
		if c.writesInto(sel.X, v, 0) {
			out = call.Args[0]
		}
		return out == nil
	})
	return out
}

// writesInto reports whether an encoder or writer expression is built over
// v: json.NewEncoder(&buf), or a variable defined by a call given v (or
// such a variable) among its arguments.
func (c *Classifier) writesInto(e ast.Expr, v *types.Var, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return c.writesInto(x.X, v, depth+1)
	case *ast.Ident:
		w := c.varOf(x)
		if w == v {
			return true
		}
		if w == nil {
			return false
		}
		if a, ok := c.single(w); ok {
			if a.rhs != nil {
				return c.writesInto(a.rhs, v, depth+1)
			}
			return a.call != nil && c.writesInto(a.call, v, depth+1)
		}
	case *ast.CallExpr:
		for _, arg := range x.Args {
			if c.writesInto(arg, v, depth+1) {
				return true
			}
		}
	}
	return false
}

// isMarshal reports whether call is json.Marshal or xml.Marshal.
func (c *Classifier) isMarshal(call *ast.CallExpr) bool {
	fn := c.calleeFunc(call)
	if fn == nil || fn.Pkg() == nil || fn.Name() != "Marshal" {
		return false
	}
	p := fn.Pkg().Path()
	return p == "encoding/json" || p == "encoding/xml"
}

// payloadEvidence searches an encoded value (a literal, or a variable
// defined by one) for dedup keys and the keys argEvidence knows.
func (c *Classifier) payloadEvidence(ev *Evidence, e ast.Expr, depth int) {
	if rhs := c.singleValue(e); rhs != nil {
		e = rhs
	}
	if lit := astpath.Literal(e); lit != nil {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && payloadKeyFields[k.Name] {
					ev.Keys = append(ev.Keys, c.key(k.Name, kv, kv.Value))
				}
			}
		}
	}
	c.argEvidence(ev, e, depth)
}
