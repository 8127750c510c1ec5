package mutation

import (
	"go/types"
	"strings"
)

// A pull or merge request is keyed by the branches it joins: GitHub,
// GitLab, Gitea and Bitbucket all refuse a second open one from the same
// source to the same target (422, 409). A create whose request carries
// such a pair of refs is a named create, whatever else it carries.

// refPairs are the lower-case names of the (source, target) ref fields or
// parameters of pull and merge request creates.
var refPairs = [][2]string{
	{"head", "base"},
	{"sourcebranch", "targetbranch"},
	{"fromref", "toref"},
	{"frombranch", "tobranch"},
	{"sourceref", "targetref"},
}

// refPair returns "Head and Base" when names hold both halves of a ref
// pair (compared without case or underscores), else "".
func refPair(names []string) string {
	seen := map[string]string{}
	for _, n := range names {
		seen[strings.ToLower(strings.ReplaceAll(n, "_", ""))] = n
	}
	for _, p := range refPairs {
		if src, ok := seen[p[0]]; ok {
			if dst, ok := seen[p[1]]; ok {
				return src + " and " + dst
			}
		}
	}
	return ""
}

// structRefPair is refPair of the fields of t's struct (through pointers).
func structRefPair(t types.Type) string {
	st, ok := derefStruct(t)
	if !ok {
		return ""
	}
	names := make([]string, st.NumFields())
	for i := range names {
		names[i] = st.Field(i).Name()
	}
	return refPair(names)
}

// paramRefPair is refPair of fn's parameter names.
func paramRefPair(fn *types.Func) string {
	params := fn.Signature().Params()
	names := make([]string, params.Len())
	for i := range names {
		names[i] = params.At(i).Name()
	}
	return refPair(names)
}
