package mutation

import (
	"go/ast"
	"go/types"
	"reflect"
	"regexp"
	"strings"
)

// Request fields documented as the API's idempotency key. Generated SDKs
// copy the API's field descriptions into their request types, and some
// say that the server deduplicates by a field the caller must give:
//
//	// Event Id acts as an idempotency key. Any subsequent requests with the same
//	// event_id will be ignored
//	EventID param.Field[string] `json:"event_id" api:"required"`
//
// A retry re-sends the same body, so the same key, and the server ignores
// the repeat. Only a required field counts: an optional key protects
// nothing when the caller leaves it out.

// keyFieldDoc matches a field description saying the server deduplicates
// by it.
var keyFieldDoc = regexp.MustCompile(`(?i)\bidempotency[ _-]?key\b|\bdeduplicat\w*\b|\bsubsequent requests with the same\b[^.]*\b(ignored|rejected|deduplicated)\b`)

// maxKeyFieldDepth bounds how far into nested request types (a batch's
// items) a documented key is looked for.
const maxKeyFieldDepth = 2

// documentedKeyParam returns the name of a required field, in the type of
// one of fn's parameters (declared in this package) or in a type it holds,
// that the API documents as an idempotency key, or "".
func (c *Classifier) documentedKeyParam(fn *types.Func) string {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return ""
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if name := c.documentedKeyField(params.At(i).Type(), 0); name != "" {
			return name
		}
	}
	return ""
}

// documentedKeyField looks for a documented key field in t's struct, and
// in the element types of its fields (slices, generic wrappers such as
// param.Field[[]Item]).
func (c *Classifier) documentedKeyField(t types.Type, depth int) string {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() != c.pass.Pkg || depth > maxKeyFieldDepth {
		return ""
	}
	st := c.structDecl(n.Origin().Obj())
	if st == nil {
		return ""
	}
	for _, f := range st.Fields.List {
		if f.Doc != nil && keyFieldDoc.MatchString(f.Doc.Text()) && requiredField(f) && len(f.Names) > 0 {
			return f.Names[0].Name
		}
	}
	styp, ok := n.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < styp.NumFields(); i++ {
		if name := c.documentedKeyField(elemType(styp.Field(i).Type()), depth+1); name != "" {
			return name
		}
	}
	return ""
}

// elemType unwraps a slice, a pointer and a generic wrapper's first type
// argument (param.Field[[]Item] → Item).
func elemType(t types.Type) types.Type {
	for range 4 {
		switch x := types.Unalias(t).(type) {
		case *types.Pointer:
			t = x.Elem()
		case *types.Slice:
			t = x.Elem()
		case *types.Named:
			if x.TypeArgs().Len() == 0 {
				return t
			}
			t = x.TypeArgs().At(0)
		default:
			return t
		}
	}
	return t
}

// requiredField reports whether a struct field is required: a struct tag
// says so (api:"required", validate:"required", binding:"required") or its
// documentation starts with "Required".
func requiredField(f *ast.Field) bool {
	if f.Tag != nil {
		tag := reflect.StructTag(strings.Trim(f.Tag.Value, "`"))
		for _, key := range []string{"api", "validate", "binding"} {
			if strings.Contains(tag.Get(key), "required") {
				return true
			}
		}
	}
	return f.Doc != nil && docSaysRequired(f.Doc.Text())
}

// structDecl returns the struct type declared for tn at package level in
// this package's files, or nil.
func (c *Classifier) structDecl(tn *types.TypeName) *ast.StructType {
	file := c.fileOf(tn.Pos())
	if file == nil {
		return nil
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			if ts, ok := spec.(*ast.TypeSpec); ok && ts.Name.Pos() == tn.Pos() {
				st, _ := ts.Type.(*ast.StructType)
				return st
			}
		}
	}
	return nil
}
