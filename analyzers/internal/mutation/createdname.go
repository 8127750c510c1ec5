package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// Whether a create is named by its caller: the name, key or e-mail that
// identifies the new thing, read from the parameters and request types
// of the create (JudgePurpose).

// namingVerbs make things that carry a name: a second one under the
// same name is what APIs refuse. A charge, a job run or a submission
// names its parent (the order, the job), not itself.
var namingVerbs = map[string]bool{
	"create": true, "add": true, "register": true, "insert": true, "new": true, "upload": true,
	"import": true, "invite": true, "fork": true, "copy": true, "clone": true,
}

// namesWhatItMakes reports whether fn's verb makes a named thing; a name
// that says nothing (a POST to a collection) may too.
func namesWhatItMakes(fn *types.Func) bool {
	if fn == nil || genericName(fn.Name()) {
		return true
	}
	return anyWord(nameWords(fn.Name()), namingVerbs) // CreateUser, UserAdd, CheckpointNewRun
}

// createdUnder returns the parameter or field through which a create's
// caller names the new thing, or "": an argument of the call (a name, a
// request literal with a Name), or, for the function a create is written
// in or one seen only by its signature, a parameter named like an
// identity or a request type with such a field.
func (c *Classifier) createdUnder(fn *types.Func, call *ast.CallExpr) string {
	if fn == nil {
		return ""
	}
	noun := createdNounOf(fn)
	if streamItem(noun) {
		return "" // AddEvent(name, …): many events share a name
	}
	if call != nil {
		if c.callerNamedCreate(call, fn) {
			return c.identityLabel(fn, noun)
		}
		return "" // the arguments are in sight: a fresh name is no key
	}
	return c.namingParam(fn, noun)
}

// identityLabel names what the call's arguments name the thing by: the
// parameter namingParam finds, or "name".
func (c *Classifier) identityLabel(fn *types.Func, noun []string) string {
	if name := c.namingParam(fn, noun); name != "" {
		return name
	}
	return "name"
}

// namingParam returns the first parameter of fn named like an identity of
// the created thing (a string or integer), or the field of a parameter's
// request type that is one; "" if none.
func (c *Classifier) namingParam(fn *types.Func, noun []string) string {
	if pair := paramRefPair(fn); pair != "" {
		return pair
	}
	if pair := joinedPair(fn, noun); pair != "" {
		return pair
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if identityType(deref(p.Type())) && identityName(p.Name(), noun) {
			return p.Name()
		}
		if f := c.identityField(p.Type(), noun); f != "" {
			return f
		}
	}
	return ""
}

// identityType: a type an identity can have, a scalar or a fixed array of
// bytes (a uuid.UUID or ulid.ULID the caller made).
func identityType(t types.Type) bool {
	if scalar(t) {
		return true
	}
	arr, ok := t.Underlying().(*types.Array)
	if !ok {
		return false
	}
	b, ok := arr.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// addressedPath returns the end of a create's request path when the path
// ends in a segment its caller fills in after a collection
// ("…/contents/{…}" for POST /repos/{…}/{…}/contents/{…}), else "". A
// thing the server names is created by a request to its collection; one
// the request already addresses was named by the caller, and a second
// create at that address is refused (400, 409, 422) or finds the first.
func addressedPath(path string) string {
	segs := pathSegments(path)
	n := len(segs)
	if n < 2 || !strings.HasPrefix(segs[n-1], "{") || strings.Contains(segs[n-2], "{") || segs[n-2] == "" || apiPrefix(segs[n-2]) {
		return "" // "/v1/{…}": the endpoint itself is not known
	}
	if anyAction(nameWords(segs[n-2])) {
		return ""
	}
	return "…/" + segs[n-2] + "/" + segs[n-1]
}

// singletonPath describes a create of the one sub-resource its parent
// has, or returns "": the path ends in a singular segment after the
// parent's id ("/logstores/{…}/index") and the create's name makes that
// very thing (CreateIndex). A collection is plural ("/charges/{…}/refunds");
// a parent has one index, one policy, one logging configuration, and a
// second create of it is refused (409) or replaces the first.
func singletonPath(fn *types.Func, path string) string {
	segs := pathSegments(path)
	n := len(segs)
	if fn == nil || n < 2 || segs[n-2] != "{…}" || strings.Contains(segs[n-1], "{") {
		return ""
	}
	last := nameWords(segs[n-1])
	if len(last) == 0 || strings.HasSuffix(last[len(last)-1], "s") || anyAction(last) {
		return ""
	}
	noun := map[string]bool{}
	for _, w := range createdNoun(fn.Name()) {
		noun[w] = true
	}
	for _, w := range last {
		if !noun[w] {
			return ""
		}
	}
	return path
}

// configNouns end the path segments of a parent's configuration: a
// project's BGP config, a bucket's settings.
var configNouns = map[string]bool{
	"config": true, "configs": true, "configuration": true, "configurations": true, "setting": true, "settings": true,
}

// configOfParent describes a create of a parent's configuration, or
// returns "": the path's last segment names a config right after the
// parent's id (/projects/{…}/bgp-configs, /buckets/{…}/settings). A
// parent is configured once: a second create is refused or replaces the
// first, whatever the collection's plural says.
func configOfParent(path string) string {
	segs := pathSegments(path)
	n := len(segs)
	if n < 2 || segs[n-2] != "{…}" {
		return ""
	}
	words := nameWords(segs[n-1])
	if len(words) == 0 || !configNouns[words[len(words)-1]] {
		return ""
	}
	return path
}

// singletonByGetter describes a create whose receiver reads the created
// thing back with a getter given no id (GetLogging() beside
// CreateLogging(detail)), or returns "": the resource the receiver stands
// for has one such thing, and a second create of it is refused or
// replaces the first.
func singletonByGetter(fn *types.Func) string {
	recv := fn.Signature().Recv()
	noun := createdNoun(fn.Name())
	if recv == nil || len(noun) == 0 {
		return ""
	}
	ms := types.NewMethodSet(recv.Type())
	if _, isPtr := recv.Type().(*types.Pointer); !isPtr {
		ms = types.NewMethodSet(types.NewPointer(recv.Type()))
	}
	getter := ""
	for i := 0; i < ms.Len(); i++ {
		m, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if lists(m, noun) {
			return "" // GetUser() is the caller's own, ListUsers the many
		}
		if idlessGetter(m, noun) {
			getter = m.Name()
		}
	}
	if getter == "" {
		return ""
	}
	return "the one " + strings.Join(noun, " ") + " that " + getter + " reads without an id"
}

// lists: m is List followed by the noun's words, the last one possibly
// plural (ListLoggings, ListUserGroups).
func lists(m *types.Func, noun []string) bool {
	words := nameWords(m.Name())
	if len(words) != len(noun)+1 || words[0] != "list" {
		return false
	}
	for i, w := range noun {
		if got := words[i+1]; got != w && (i < len(noun)-1 || !strings.HasPrefix(got, w)) {
			return false
		}
	}
	return true
}

// idlessGetter: m is Get or Describe followed by the noun's words, and
// takes nothing but a context.
func idlessGetter(m *types.Func, noun []string) bool {
	words := nameWords(m.Name())
	if len(words) != len(noun)+1 || words[0] != "get" && words[0] != "describe" {
		return false
	}
	for i, w := range noun {
		if words[i+1] != w {
			return false
		}
	}
	params := m.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if !isNamed(params.At(i).Type(), "context", "Context") {
			return false
		}
	}
	return true
}

// issuesToken: fn's name creates a token (CreateImportToken,
// CreateAccessToken, NewSessionToken), a credential the server mints.
func issuesToken(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	return nounEndsIn(fn.Name(), tokenNouns)
}

var tokenNouns = map[string]bool{"token": true, "tokens": true}

// nounEndsIn reports whether the noun an operation's name creates ends in
// one of words (CreateImportToken, CreateMessageSession).
func nounEndsIn(name string, words map[string]bool) bool {
	noun := createdNoun(name)
	return len(noun) > 0 && words[noun[len(noun)-1]]
}

// opensSession reports whether a create makes a session (a message
// session, an upload or checkout session), by its name or, for a name
// that says nothing (a bare Create of a service type), the collection it
// posts to: a session is the client's own short-lived handle, and a
// second one duplicates nothing a user sees (an API that allows one per
// client refuses it).
func opensSession(fn *types.Func, path string) bool {
	if fn != nil && !genericName(fn.Name()) && len(createdNoun(fn.Name())) > 0 {
		return nounEndsIn(fn.Name(), sessionNouns)
	}
	_, last := splitLastSegment(path)
	return sessionNouns[strings.ToLower(last)]
}

var sessionNouns = map[string]bool{"session": true, "sessions": true}

// apiPrefix reports whether a path segment is an API root or version
// (api, v1, v2beta1) rather than a collection.
func apiPrefix(seg string) bool {
	seg = strings.ToLower(seg)
	if seg == "api" || seg == "rest" {
		return true
	}
	return len(seg) > 1 && seg[0] == 'v' && seg[1] >= '0' && seg[1] <= '9'
}

// idWords end the names of ids, which a server usually assigns.
var idWords = map[string]bool{"id": true, "uid": true, "uuid": true, "identifier": true}

// createdNounOf is the created noun of a create: the words after its verb
// (CreateRelease → release), or for a bare Create the receiver's type
// without its service suffix (BranchesService.Create → branch).
func createdNounOf(fn *types.Func) []string {
	noun := createdNoun(fn.Name())
	if len(noun) > 0 {
		return noun
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return noun
	}
	n, ok := types.Unalias(deref(recv.Type())).(*types.Named)
	if !ok {
		return noun
	}
	for _, w := range nameWords(n.Obj().Name()) {
		switch w {
		case "service", "client", "api", "resource", "resources", "impl", "op", "ops", "store", "repo", "repository":
			continue
		}
		noun = append(noun, singular(w))
	}
	return noun
}

// singular drops a plural's s: branches → branch, datasets → dataset.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}
