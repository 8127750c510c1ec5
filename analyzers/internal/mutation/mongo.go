package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// MongoDB writes. The driver's collection methods build wire messages
// whose bodies show no write, so they are judged here:
//   - InsertOne and InsertMany of documents without an _id: the driver
//     gives each attempt a new ObjectID, so a repeat after a lost reply
//     inserts a second document. A document whose _id is set is keyed (a
//     repeat fails with a duplicate key error): its _id is idempotency
//     evidence, judged like any key by where it is made (evidence.go). A
//     document twice cannot see (a parameter of a struct type with an _id
//     field) is not judged.
//   - UpdateOne, UpdateMany, UpdateByID and FindOneAndUpdate whose update
//     document uses a relative operator ($inc, $push, $mul): a repeat adds
//     again. $set, $unset, $addToSet and $pull are idempotent.
//
// The driver's own retryable writes resend with the same transaction
// number, which the server deduplicates; only the application's retries
// repeat the write.

var mongoPkgs = map[string]bool{"go.mongodb.org/mongo-driver/mongo": true, "go.mongodb.org/mongo-driver/v2/mongo": true}

// relativeOps are update operators whose repeat changes the document again,
// with the effect of a repeat.
var relativeOps = map[string]string{
	"$inc": "the counter can be incremented twice", "$mul": "the value can be multiplied twice",
	"$push": "the element can be pushed twice",
}

// mongoCall judges a method of mongo.Collection; ok is false for anything
// else. Collection methods it does not list (finds, deletes, replaces,
// bulk writes) are not judged writes.
func (c *Classifier) mongoCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	if !mongoPkgs[fn.Pkg().Path()] || recvName(fn) != "Collection" {
		return Op{}, false
	}
	coll := c.collectionName(call)
	switch fn.Name() {
	case "InsertOne", "InsertMany":
		if len(call.Args) < 2 || !c.mayLackID(call.Args[1], fn.Name() == "InsertMany", 0) {
			return Op{}, true
		}
		return Op{Kind: KindDoc, Desc: "MongoDB insert into " + coll, Effect: "the document can be inserted twice",
			Pos: call.Pos(), Identity: "mongo insert " + coll}, true
	case "UpdateOne", "UpdateMany", "UpdateByID", "FindOneAndUpdate":
		if len(call.Args) < 3 {
			return Op{}, true
		}
		for _, k := range c.docKeys(call.Args[2], 0) {
			if effect, ok := relativeOps[k]; ok {
				return Op{Kind: KindDoc, Desc: "MongoDB " + k + " update of " + coll, Effect: effect,
					Pos: call.Pos(), Identity: "mongo update " + coll + " " + k}, true
			}
		}
	}
	return Op{}, true
}

// collectionName names the collection a call's receiver is: the constant
// of db.Collection("orders"), else the receiver's source text.
func (c *Classifier) collectionName(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "a collection"
	}
	if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && len(inner.Args) >= 1 {
		if name, ok := c.constString(inner.Args[0]); ok {
			return name
		}
	}
	return types.ExprString(sel.X)
}

// mayLackID reports whether the inserted document e (for InsertMany, the
// slice of documents) is judged: a literal (its _id, if any, is a key the
// evidence weighs), or a value of a struct type with no _id field, which
// the driver gives a new ObjectID on every attempt. A value twice cannot
// see whose type has an _id field, or a map, is not judged.
func (c *Classifier) mayLackID(e ast.Expr, many bool, depth int) bool {
	if depth > 2 {
		return false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if rhs := c.singleValue(e); rhs != nil {
		return c.mayLackID(rhs, many, depth+1)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		if !many {
			return true
		}
		for _, elt := range lit.Elts {
			if c.mayLackID(elt, false, depth+1) {
				return true
			}
		}
		return false
	}
	if many {
		return false
	}
	t := c.info.TypeOf(e)
	_, isStruct := derefStruct(t)
	return isStruct && !hasIDField(t)
}

// docKeys returns the top-level keys of a BSON document literal:
// bson.M{"$inc": …}, bson.D{{Key: "$inc", Value: …}} or bson.D{{"$inc", …}},
// through a variable given it once.
func (c *Classifier) docKeys(e ast.Expr, depth int) []string {
	if depth > 2 {
		return nil
	}
	e = ast.Unparen(e)
	if v := c.varOf(e); v != nil {
		if a, ok := c.single(v); ok && a.rhs != nil {
			return c.docKeys(a.rhs, depth+1)
		}
		return nil
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var keys []string
	for _, elt := range lit.Elts {
		switch x := elt.(type) {
		case *ast.KeyValueExpr:
			if s, ok := c.constString(x.Key); ok {
				keys = append(keys, s) // bson.M{"$inc": …}
			}
		case *ast.CompositeLit:
			if s, ok := elemKey(c, x); ok {
				keys = append(keys, s) // bson.D{{"$inc", …}}
			}
		}
	}
	return keys
}

// elemKey returns the key of a bson.E literal: {Key: "k", Value: v} or
// {"k", v}.
func elemKey(c *Classifier, lit *ast.CompositeLit) (string, bool) {
	if k := elemField(lit, "Key", 0); k != nil {
		return c.constString(k)
	}
	return "", false
}

// elemField returns a bson.E literal's field given by name ({Key: …,
// Value: …}) or, in an unkeyed literal, by position ({"k", v}); nil when
// absent.
func elemField(lit *ast.CompositeLit, name string, pos int) ast.Expr {
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
			continue
		}
		if i == pos {
			return elt
		}
	}
	return nil
}

func (c *Classifier) constString(e ast.Expr) (string, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// derefStruct returns t's struct type, through one pointer.
func derefStruct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	return s, ok
}

// idField returns the name of t's field stored as _id (bson:"_id,…"), or
// "".
func idField(t types.Type) string {
	s, ok := derefStruct(t)
	if !ok {
		return ""
	}
	for i := 0; i < s.NumFields(); i++ {
		name, _, _ := strings.Cut(reflect.StructTag(s.Tag(i)).Get("bson"), ",")
		if name == "_id" {
			return s.Field(i).Name()
		}
	}
	return ""
}

func hasIDField(t types.Type) bool { return idField(t) != "" }

// documentID returns the element of a document literal that sets its _id
// and the value: bson.M{"_id": v}, bson.D{{Key: "_id", Value: v}} or
// {"_id", v}, or a struct literal's field stored as _id.
func (c *Classifier) documentID(lit *ast.CompositeLit) (ast.Node, ast.Expr, bool) {
	field := idField(c.info.TypeOf(lit))
	for _, elt := range lit.Elts {
		switch x := elt.(type) {
		case *ast.KeyValueExpr:
			if s, ok := c.constString(x.Key); ok && s == "_id" {
				return x, x.Value, true
			}
			if id, ok := x.Key.(*ast.Ident); ok && field != "" && id.Name == field {
				return x, x.Value, true
			}
		case *ast.CompositeLit:
			if k, ok := elemKey(c, x); ok && k == "_id" {
				return x, elemField(x, "Value", 1), true
			}
		}
	}
	return nil, nil, false
}
