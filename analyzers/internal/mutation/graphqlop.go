package mutation

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"
)

// GraphQL mutations say what they do in the first field they select:
//
//	mutation($in: CreateIssueInput!) { createIssue(input: $in) { issue { id } } }
//
// or, with struct-based clients (shurcooL/graphql, hasura's
// go-graphql-client), in the tag of the struct given to Mutate:
//
//	var m struct{ Success bool `graphql:"reportDeploymentStartup(id: $id)"` }
//	err := client.Mutate(ctx, &m, vars)
//
// The field is the operation; the Go function around the call (a status
// reporter's ReportStartup) says less. A mutation is judged by its field's
// name: a create or a send when the verb says so, else an action or an
// update of a state, which a repeat usually leaves as it was.

// graphQLMutationField returns the first field of the GraphQL mutation a
// call sends, or "": from a mutation document among its arguments, or from
// the graphql tag of the struct a Mutate method is given.
func (c *Classifier) graphQLMutationField(call *ast.CallExpr, fn *types.Func) string {
	if call == nil {
		return ""
	}
	for _, doc := range c.graphQLDocuments(call) {
		if _, read := graphQLDocument(doc); !read {
			if f := firstSelection(doc); f != "" {
				return f
			}
		}
	}
	if fn == nil || !anyWord(nameWords(fn.Name()), mutateWords) {
		return ""
	}
	for _, a := range call.Args {
		if st, ok := derefStruct(c.info.TypeOf(a)); ok {
			if f := taggedSelection(st); f != "" {
				return f
			}
		}
	}
	return ""
}

// mutateWords name the methods of struct-based GraphQL clients that send a
// mutation (Mutate, MutateNamed, MutateRaw).
var mutateWords = map[string]bool{"mutate": true, "mutation": true}

// firstSelection returns the name of the first field selected by a
// GraphQL document's operation (after an alias, if any).
func firstSelection(doc string) string {
	i := strings.IndexByte(doc, '{')
	if i < 0 {
		return ""
	}
	return selectedField(doc[i+1:])
}

// selectedField reads the field a selection starts with, after its alias
// if it has one (renamed: createIssue(…)).
func selectedField(s string) string {
	name, rest := graphQLName(s)
	if alias := strings.TrimSpace(rest); strings.HasPrefix(alias, ":") {
		name, _ = graphQLName(alias[1:])
	}
	return name
}

// graphQLName reads a GraphQL name after optional white space, returning
// it and the text after it.
func graphQLName(s string) (name, rest string) {
	s = strings.TrimLeft(s, " \t\r\n,")
	end := 0
	for end < len(s) && (isNameStart(s[end]) || end > 0 && s[end] >= '0' && s[end] <= '9') {
		end++
	}
	return s[:end], s[end:]
}

// taggedSelection returns the field named by the first graphql struct tag
// of st ("reportDeploymentStartup(id: $id)" → reportDeploymentStartup).
func taggedSelection(st *types.Struct) string {
	for i := 0; i < st.NumFields(); i++ {
		if name := selectedField(reflect.StructTag(st.Tag(i)).Get("graphql")); name != "" {
			return name
		}
	}
	return ""
}

// mutationPurpose judges a GraphQL mutation by its field's name.
func mutationPurpose(field string) Judgement {
	p, _ := operationPurpose(field)
	if p == PurposeSend || p == PurposeCreate {
		return Judgement{Purpose: p, Basis: BasisName}
	}
	return Judgement{Unsure: UnsureMutation, Named: field}
}
