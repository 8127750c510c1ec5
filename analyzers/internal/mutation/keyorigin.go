package mutation

import (
	"go/ast"
	"go/token"
	"strings"
)

// key builds a Key, following its value to where it is produced.
func (c *Classifier) key(name string, at ast.Node, value ast.Expr) Key {
	origin, expr := c.origin(value, 0)
	return Key{Name: name, At: at, Value: value, Origin: origin, Fresh: c.fresh(expr, 0)}
}

// origin follows a key value through wrappers (aws.String(k), k.String(),
// string(k), []string{k}) and singly assigned local variables to the
// expression that produces it.
func (c *Classifier) origin(e ast.Expr, depth int) (token.Pos, ast.Expr) {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return e.Pos(), e
	}
	switch x := e.(type) {
	case *ast.Ident:
		v := c.varOf(x)
		if v == nil {
			return x.Pos(), x
		}
		if a, ok := c.single(v); ok {
			if a.rhs != nil {
				return c.origin(a.rhs, depth+1)
			}
			return a.call.Pos(), a.call
		}
		return v.Pos(), x // a parameter or a reassigned variable: its declaration
	case *ast.CallExpr:
		if inner := wrapped(c, x); inner != nil {
			return c.origin(inner, depth+1)
		}
	case *ast.CompositeLit:
		if len(x.Elts) == 1 {
			return c.origin(x.Elts[0], depth+1)
		}
	}
	return e.Pos(), e
}

// wrapped returns the value inside a pure wrapper call: a conversion,
// aws.String/stripe.String-like pointer helpers, v.String().
func wrapped(c *Classifier, call *ast.CallExpr) ast.Expr {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return call.Args[0]
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) == 0 && sel.Sel.Name == "String" {
		return sel.X
	}
	fn := c.calleeFunc(call)
	if fn != nil && len(call.Args) == 1 && (fn.Name() == "String" || fn.Name() == "StringPtr" || fn.Name() == "Ptr") {
		return call.Args[0]
	}
	return nil
}

// freshSources are packages whose functions return a new value each call.
var freshSources = []string{
	"github.com/google/uuid", "github.com/gofrs/uuid", "github.com/satori/go.uuid", "github.com/oklog/ulid",
	"github.com/rs/xid", "github.com/segmentio/ksuid", "math/rand", "crypto/rand",
	"k8s.io/apimachinery/pkg/util/rand", "k8s.io/apimachinery/pkg/util/uuid",
}

// deterministicUUID are uuid functions that derive rather than generate.
var deterministicUUID = map[string]bool{"Parse": true, "MustParse": true, "NewSHA1": true, "NewMD5": true, "FromBytes": true, "FromString": true}

// fresh reports whether e generates a new value each time it runs.
func (c *Classifier) fresh(e ast.Expr, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			fn := c.calleeFunc(x)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			p := fn.Pkg().Path()
			if p == "time" && fn.Name() == "Now" || fn.Name() == "NewObjectID" && strings.HasPrefix(p, "go.mongodb.org/mongo-driver/") {
				found = true // MongoDB's ObjectID generator (mongo.go)
			}
			for _, s := range freshSources {
				if strings.HasPrefix(p, s) && !deterministicUUID[fn.Name()] {
					found = true
				}
			}
		case *ast.Ident:
			if v := c.varOf(x); v != nil {
				if a, ok := c.single(v); ok && a.rhs != nil && c.fresh(a.rhs, depth+1) {
					found = true
				} else if ok && a.call != nil && c.fresh(a.call, depth+1) {
					found = true
				}
			}
		}
		return true
	})
	return found
}
