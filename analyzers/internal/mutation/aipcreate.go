package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Google's API design (AIP-133) gives every create the same request
// shape: the parent the new resource goes under, the resource, and, when
// the API lets the caller choose the id, a field named after it:
//
//	type CreateConversationRequest struct {
//		Parent         string
//		Conversation   *Conversation
//		ConversationId string // optional: the server assigns one if empty
//	}
//
// The resource's own Name is output only there: the server fills it from
// the parent and the id. So the id field, not the resource's name, says
// whether the caller can name the new thing; a request without one is a
// create the server names. (A request that is the resource itself, like
// Pub/Sub's Topic, has no Parent and keeps the general reading.)
//
// Whether the id is required shows in the generated REST code of the same
// package: a required id is always put in the query, an optional one only
// when the caller set it. A create whose id is optional is one the server
// names unless the caller chose to set it.

// aipCreateID reports whether st is such a create request for noun, and
// then the field through which the caller names the new resource (an id,
// or a field the API documents unique), or "" when the server names it.
func (c *Classifier) aipCreateID(st *types.Struct, noun []string) (field string, ok bool) {
	if len(noun) == 0 || !hasStringField(st, "Parent") {
		return "", false
	}
	idName := strings.Join(noun, "") + "id"
	var resource *types.Var
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if strings.EqualFold(f.Name(), idName) && scalar(deref(f.Type())) && !c.idx().optionalIDs[f] {
			field = f.Name()
		}
		if _, isStruct := derefStruct(f.Type()); isStruct && namesCreated(f.Name(), f.Type(), noun) {
			resource = f
		}
	}
	if resource == nil {
		return "", false
	}
	if field == "" {
		// A few APIs take the id in the resource itself (Dataproc's
		// WorkflowTemplate.Id); its Name is still the server's.
		rs, _ := derefStruct(resource.Type())
		field = idFieldOf(rs, idName)
	}
	if field == "" {
		// A field the API documents unique (a display name unique within
		// the agent) is refused when repeated (fielddocs.go).
		field = c.uniqueFieldOf(resource.Type())
	}
	return field, true
}

// idFieldOf returns the scalar field of a resource called Id or named
// idName ("workflowtemplateid"), or "".
func idFieldOf(st *types.Struct, idName string) string {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if (f.Name() == "Id" || strings.EqualFold(f.Name(), idName)) && scalar(deref(f.Type())) {
			return f.Name()
		}
	}
	return ""
}

// hasStringField reports whether st has a string field called name.
func hasStringField(st *types.Struct, name string) bool {
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == name {
			b, ok := f.Type().Underlying().(*types.Basic)
			return ok && b.Info()&types.IsString != 0
		}
	}
	return false
}

// sentWhenSet returns the id field of a request that an if statement sends
// only when the caller set it, or nil:
//
//	if req.GetConversationId() != "" {
//		params.Add("conversationId", fmt.Sprintf("%v", req.GetConversationId()))
//	}
func (c *Classifier) sentWhenSet(n *ast.IfStmt) *types.Var {
	cond, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || len(n.Body.List) == 0 {
		return nil
	}
	if lit, ok := ast.Unparen(cond.Y).(*ast.BasicLit); !ok || lit.Value != `""` {
		return nil
	}
	get, ok := ast.Unparen(cond.X).(*ast.CallExpr)
	if !ok || len(get.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(get.Fun).(*ast.SelectorExpr)
	if !ok || !strings.HasPrefix(sel.Sel.Name, "Get") || !strings.HasSuffix(sel.Sel.Name, "Id") {
		return nil
	}
	recv := c.info.TypeOf(sel.X)
	if recv == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(recv, true, nil, strings.TrimPrefix(sel.Sel.Name, "Get"))
	f, _ := obj.(*types.Var)
	if f == nil || !f.IsField() {
		return nil
	}
	return f
}

// CallerKeys returns the fields of a request type through which a caller
// makes a repeated create harmless: a RequestId the API deduplicates on
// (AIP-155), and an id the package sends only when the caller set it (a
// repeat with it is refused).
func (c *Classifier) CallerKeys(t types.Type) []string {
	st, ok := derefStruct(t)
	if !ok {
		return nil
	}
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() == "RequestId" || f.Name() == "RequestID" || c.idx().optionalIDs[f] {
			out = append(out, f.Name())
		}
	}
	return out
}
