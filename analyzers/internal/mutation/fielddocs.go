package mutation

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"
)

// Fields an API documents as unique. Generated API types copy the API's
// field descriptions, and some say that the server keeps a field unique
// among its siblings:
//
//	// Required. The human-readable name of the intent, unique within the agent.
//	DisplayName string
//
// A create of such a resource is then refused when repeated with the same
// value, like one under a name its caller chose. A name or id documented
// unique is the caller's only when the API requires the caller to give it
// ("Required. The unique identifier of the context.", "Required. The fully
// qualified resource name of the model."; a resource's name is unique
// whether or not its doc says so): most are "Output only", or filled by
// the server on create.

var (
	// uniqueAmong: unique among siblings ("unique within the agent", "(unique
	// in an environment)", "must be unique"), not "a unique, case-sensitive
	// identifier" (a token, said of most SDKs' request ids).
	uniqueAmong   = regexp.MustCompile(`(?i)\bunique\s+(within|in|among|per|across)\b|\bmust\s+be\s+unique\b`)
	outputOnlyDoc = regexp.MustCompile(`(?i)\boutput[ -]only\b`)
)

// UniqueFields returns, for each struct type declared at package level in
// files, the fields its documentation says the API keeps unique and the
// caller gives.
func UniqueFields(info *types.Info, files []*ast.File) map[*types.TypeName][]string {
	out := map[*types.TypeName][]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				tn, ok := info.Defs[ts.Name].(*types.TypeName)
				if !ok {
					continue
				}
				if fields := uniqueFieldNames(st); len(fields) > 0 {
					out[tn] = fields
				}
			}
		}
	}
	return out
}

// uniqueFieldNames lists the fields of st documented unique and given by
// the caller: a required name or id, or another field documented unique
// among its siblings. An output-only field is the server's.
func uniqueFieldNames(st *ast.StructType) []string {
	var out []string
	for _, field := range st.Fields.List {
		if field.Doc == nil {
			continue
		}
		doc := field.Doc.Text()
		required := docSaysRequired(doc)
		for _, name := range field.Names {
			switch {
			case identifying(name.Name) && !required:
				continue // the unique identifier the server fills in
			case identifying(name.Name):
				// "Required. The unique identifier of the context.", "Required.
				// The fully qualified resource name of the model.": a
				// resource's name, which no two share, given by the caller
			case !uniqueAmong.MatchString(doc):
				continue
			}
			if !outputOnlyDoc.MatchString(doc) {
				out = append(out, name.Name)
			}
		}
	}
	return out
}

// docSaysRequired reports whether a field's documentation starts with
// "Required" (generated API types copy the API's "Required. The …").
func docSaysRequired(doc string) bool {
	return strings.HasPrefix(strings.TrimSpace(doc), "Required")
}

// identifying reports whether a field name is a resource's name or id.
func identifying(name string) bool {
	w := strings.ToLower(lastWord(name))
	return w == "name" && !strings.HasSuffix(name, "DisplayName") || idWords[w]
}

// KnowUniqueFields gives the classifier the documented unique fields of
// struct types (this package's and, through facts, its imports').
func (c *Classifier) KnowUniqueFields(unique func(*types.TypeName) []string) {
	c.uniqueFields = unique
}

// uniqueFieldOf returns a field of t's struct type documented unique, or "".
func (c *Classifier) uniqueFieldOf(t types.Type) string {
	if c.uniqueFields == nil {
		return ""
	}
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return ""
	}
	if fields := c.uniqueFields(n.Origin().Obj()); len(fields) > 0 {
		return fields[0]
	}
	return ""
}
