package mutation

import (
	"go/types"
	"strings"
)

// An attachment, association or binding created from nothing but the ids
// of the two things it joins (Attach(volumeID, deviceID)) is keyed by
// that pair: attaching a volume to the same device again is refused
// (already attached) or leaves it attached. An attachment made from
// content (a file put on an issue) has more than ids and stays a create.

// joinNouns are created things that join two existing ones.
var joinNouns = map[string]bool{"attachment": true, "association": true, "binding": true}

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

// joinedPair returns "volumeID and deviceID" when fn creates a join (its
// noun's head is a join noun) from two or more parameters that are all
// ids, a context aside; else "".
func joinedPair(fn *types.Func, noun []string) string {
	if len(noun) == 0 || !joinNouns[noun[len(noun)-1]] {
		return ""
	}
	params := fn.Signature().Params()
	var ids []string
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if isNamed(p.Type(), "context", "Context") {
			continue
		}
		if !scalar(deref(p.Type())) || !idWords[lastWord(p.Name())] {
			return "" // content, options or a name: more than a join
		}
		ids = append(ids, p.Name())
	}
	if len(ids) < 2 {
		return ""
	}
	return strings.Join(ids, " and ")
}
