package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Kubernetes creates are recognised by the types of their parameters, not
// by names: the API server keeps one object per metadata.name, so a create
// repeated after a lost response is refused with AlreadyExists and nothing
// is created twice. Only a name the server chooses (metadata.generateName)
// or one made anew on every attempt turns a repeat into a second object.
const (
	metav1Path   = "k8s.io/apimachinery/pkg/apis/meta/v1"
	crClientPath = "sigs.k8s.io/controller-runtime/pkg/client"
)

// kubeCreate judges a Kubernetes create: handled when fn takes the create
// options of client-go (metav1.CreateOptions: typed, generated and dynamic
// clients) or of controller-runtime (...client.CreateOption). The call is
// a write only when the object it creates gets a new name on every call.
func (c *Classifier) kubeCreate(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	obj, ok := kubeCreateObject(call, fn.Signature())
	if !ok {
		obj, ok = c.kubeObjectCreate(call, fn)
	}
	if !ok {
		return Op{}, false
	}
	naming := c.objectNaming(call, obj)
	if naming == "" {
		return Op{}, true // a fixed (or unknown) name: a repeat is refused
	}
	kind := kubeKind(c.info.TypeOf(obj))
	return Op{
		Kind:     KindKube,
		Desc:     "Kubernetes create of " + article(kind) + " " + kind + " " + naming + " (" + displayName(fn) + ")",
		Effect:   "a second " + kind + " can be created under another name",
		Pos:      call.Pos(),
		Identity: "kube create " + types.ExprString(call.Fun),
	}, true
}

// kubeCreateObject returns the argument holding the object to create: the
// last pointer or interface parameter before the create options.
func kubeCreateObject(call *ast.CallExpr, sig *types.Signature) (ast.Expr, bool) {
	params := sig.Params()
	opts := -1
	for i := range params.Len() {
		t := params.At(i).Type()
		if sig.Variadic() && i == params.Len()-1 {
			if s, ok := t.(*types.Slice); ok && isNamedIn(s.Elem(), crClientPath, "CreateOption") {
				opts = i
			}
			continue
		}
		if isNamedIn(t, metav1Path, "CreateOptions") {
			opts = i
			break
		}
	}
	for i := opts - 1; i >= 0; i-- {
		switch params.At(i).Type().Underlying().(type) {
		case *types.Pointer, *types.Interface:
			if i < len(call.Args) && !isContext(params.At(i).Type()) {
				return call.Args[i], true
			}
		}
	}
	return nil, false
}

// kubeObjectCreate returns the object argument of an interface's create
// without client-go's options that is given a Kubernetes object:
// wrangler's generated ConfigMapClient.Create(*v1.ConfigMap), a generic
// client's Create(obj).
// The object carries metadata.name like any other, so the API server
// refuses its repeat the same way.
func (c *Classifier) kubeObjectCreate(call *ast.CallExpr, fn *types.Func) (ast.Expr, bool) {
	recv := fn.Signature().Recv()
	if !strings.HasPrefix(fn.Name(), "Create") || recv == nil || !types.IsInterface(recv.Type()) {
		return nil, false // a body to judge: names are for calls without one
	}
	for _, arg := range call.Args {
		if kubeObject(c.info.TypeOf(arg)) {
			return arg, true
		}
	}
	return nil, false
}

// kubeObject reports whether t is a pointer to a struct that embeds
// metav1.ObjectMeta: a Kubernetes object.
func kubeObject(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Embedded() && isNamedIn(f.Type(), metav1Path, "ObjectMeta") {
			return true
		}
	}
	return false
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("AEIOUaeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}

func isNamedIn(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// kubeKind names the created object's type ("Pod"), or "object" for
// unstructured and interface-typed objects.
func kubeKind(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Name() != "Unstructured" {
		if _, isIface := n.Underlying().(*types.Interface); !isIface {
			return n.Obj().Name()
		}
	}
	return "object"
}

// objectNaming says how the object gets a new name on every call: "with
// generateName" (set in its literal, assigned, or set with
// SetGenerateName in the enclosing function) or "with a name made on
// every attempt" (a fresh value: time, random, UUID). "" for a fixed name,
// and for one twice cannot see (unknown is silence).
func (c *Classifier) objectNaming(call *ast.CallExpr, obj ast.Expr) string {
	obj = ast.Unparen(obj)
	if u, ok := obj.(*ast.UnaryExpr); ok && u.Op == token.AND {
		obj = ast.Unparen(u.X)
	}
	if lit := c.builtLiteral(obj); lit != nil {
		return c.literalNaming(lit, 0)
	}
	v := c.varOf(obj)
	if v == nil {
		return ""
	}
	for _, a := range c.idx().assigns[v] {
		if lit := c.builtLiteral(a.rhs); lit != nil {
			if n := c.literalNaming(lit, 0); n != "" {
				return n
			}
		}
	}
	decl := c.enclosingDecl(call.Pos())
	if decl == nil || decl.Body == nil {
		return ""
	}
	naming := ""
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if naming != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.AssignStmt:
			naming = c.assignedNaming(x, v)
		case *ast.CallExpr:
			naming = c.setterNaming(x, v)
		}
		return naming == ""
	})
	return naming
}

// builtLiteral returns the object literal e is, points to, or is returned
// by a builder of this package whose one return statement ends its body
// (newJobPod(tenant) returning &corev1.Pod{…}).
func (c *Classifier) builtLiteral(e ast.Expr) *ast.CompositeLit {
	if lit := astpath.Literal(e); lit != nil {
		return lit
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if fn := c.calleeFunc(call); fn != nil && fn.Pkg() == c.pass.Pkg {
		if ret, ok := c.idx().returns[fn]; ok {
			return astpath.Literal(ret)
		}
	}
	return nil
}

// literalNaming reads GenerateName and Name in an object literal and the
// metadata literals nested in it.
func (c *Classifier) literalNaming(lit *ast.CompositeLit, depth int) string {
	if depth > maxLitDepth {
		return ""
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok {
			if n := c.fieldNaming(k.Name, kv.Value); n != "" {
				return n
			}
		}
		if inner := astpath.Literal(kv.Value); inner != nil {
			if n := c.literalNaming(inner, depth+1); n != "" {
				return n
			}
		}
	}
	return ""
}

// fieldNaming judges one value given to a metadata field.
func (c *Classifier) fieldNaming(field string, value ast.Expr) string {
	switch field {
	case "GenerateName", "SetGenerateName":
		if tv, ok := c.info.Types[value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "" {
			return "" // explicitly no generated name
		}
		return "with generateName"
	case "Name", "SetName":
		if c.fresh(value, 0) {
			return "with a name made on every attempt"
		}
	}
	return ""
}

// assignedNaming reads obj.GenerateName = …, obj.ObjectMeta.Name = … for
// the object variable v.
func (c *Classifier) assignedNaming(as *ast.AssignStmt, v *types.Var) string {
	if len(as.Lhs) != len(as.Rhs) {
		return ""
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok || c.rootVar(sel.X) != v {
			continue
		}
		if n := c.fieldNaming(sel.Sel.Name, as.Rhs[i]); n != "" {
			return n
		}
	}
	return ""
}

// setterNaming reads obj.SetGenerateName(…) and obj.SetName(…) (also on
// obj.ObjectMeta) for the object variable v.
func (c *Classifier) setterNaming(call *ast.CallExpr, v *types.Var) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || c.rootVar(sel.X) != v {
		return ""
	}
	return c.fieldNaming(sel.Sel.Name, call.Args[0])
}
