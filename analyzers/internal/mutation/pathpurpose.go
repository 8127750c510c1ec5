package mutation

import "strings"

// Reading a request path for what a write is for: a POST to a collection
// creates, one ending in an action acts, a stream endpoint takes sends, a
// set's entry is no new thing.

// pathSegments splits a request path (as urlPath renders it) into its
// segments, without the query, the fragment and the outer slashes.
func pathSegments(path string) []string {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	return strings.Split(strings.Trim(path, "/"), "/")
}

// pathPurpose reads a request path: a stream endpoint (/v1/events,
// /api/logs/push) takes sends, a POST to a collection (/v2/monitors)
// creates, one ending in an action (/pull-requests/{…}/merge) acts.
func pathPurpose(path string) Purpose {
	if path == "" || path == "request" {
		return PurposeUnknown
	}
	segs := pathSegments(path)
	last := ""
	lastIsParam := false
	for _, s := range segs {
		if strings.Contains(s, "{") || s == "" {
			lastIsParam = last != ""
			continue
		}
		last, lastIsParam = s, false
	}
	if last == "" {
		return PurposeUnknown
	}
	if i := strings.LastIndexByte(last, ':'); i > 0 && i < len(last)-1 {
		return customMethodPurpose(nameWords(last[i+1:]))
	}
	words := nameWords(last)
	if rpcSegment(last, words) {
		p, _ := operationPurpose(last) // /transfer/banPeers, /torrents/addTags: an operation, not a collection
		return p
	}
	switch {
	case anyAction(words) && !compoundCollection(last, words):
		return PurposeUnknown
	case anyWord(words, streamNouns):
		return PurposeSend
	case last == "_doc":
		return PurposeCreate // a search index's document with an id it assigns
	case setNouns[strings.ToLower(last)] || roleAssignment(words):
		return PurposeUnknown // a POST to a set (…/members, …/warrants): the same entry again is no new one
	case !lastIsParam && plural(last):
		return PurposeCreate // a POST to a collection
	}
	return PurposeUnknown
}

// compoundCollection reports whether a path segment of several words
// ending in a plural noun names a collection even though an earlier word
// is an action (bypassActivationLockAttempts, cache-refresh-jobs): the
// last word says what is posted to. A segment that starts with a verb is
// an operation (rpcSegment), judged before this.
func compoundCollection(seg string, words []string) bool {
	if len(words) < 2 {
		return false
	}
	w := words[len(words)-1]
	return !isAction(w) && !isAction(singular(w)) && plural(w)
}

// rpcSegment reports whether a path segment names an operation in camel
// case (banPeers, createTags, setUploadLimit), as RPC-style APIs put it
// after a module: a lower-case verb, then capitalised words. A
// collection's name is a noun (uploads, access-keys).
func rpcSegment(seg string, words []string) bool {
	if len(words) < 2 || seg == "" || seg[0] < 'a' || seg[0] > 'z' || strings.ContainsAny(seg, "-_") {
		return false
	}
	v := words[0]
	return sendVerbs[v] || createVerbs[v] || isAction(v) || readWords[v]
}

// plural reports whether a path segment reads as a plural noun, the name
// of a collection: it ends in s, but not as status, progress or analysis
// do.
func plural(seg string) bool {
	if len(seg) <= 3 || !strings.HasSuffix(seg, "s") || runTogether(seg) {
		return false
	}
	if strings.HasSuffix(strings.ToLower(seg), "apis") {
		return true // /restapis, /apis: a collection of APIs
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(seg, end) {
			return false
		}
	}
	return true
}

// maxCollectionWord is the longest segment read as one plural word:
// English collection names fit (acknowledgements has 16 letters).
const maxCollectionWord = 16

// runTogether reports whether a path segment is several words run
// together in lower case (oVirt's action autopincpuandnumanodes): an
// operation's name, which its last letter cannot show to be a
// collection. Collections of several words separate them (access-keys,
// spot_market_requests, roleAssignments).
func runTogether(seg string) bool {
	if len(seg) <= maxCollectionWord {
		return false
	}
	for _, r := range seg {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// customMethodPurpose judges a custom method on a collection or resource
// (AIP-136: POST …/things:batchCreate, …/jobs:submit,
// …/suggestions:suggestArticles) by its verb, not as a POST to the
// collection: a create or a send only when the verb says so.
func customMethodPurpose(verb []string) Purpose {
	switch {
	case anyAction(verb):
		return PurposeUnknown
	case anyWord(verb, sendVerbs) || anyWord(verb, streamNouns):
		return PurposeSend
	case anyWord(verb, createVerbs):
		return PurposeCreate
	}
	return PurposeUnknown
}

// setPath reports whether a request path's last segment names a set of
// entries (…/members, …/roleAssignments, …/service_bindings).
func setPath(path string) bool {
	segs := pathSegments(path)
	if len(segs) == 0 {
		return false
	}
	last := odataFunction(segs[len(segs)-1])
	words := nameWords(last)
	if strings.ContainsAny(last, "_-") && len(words) > 1 && setNouns[words[len(words)-1]] {
		return true // …/service_bindings, …/role-bindings
	}
	return setNouns[strings.ToLower(last)] || roleAssignment(words)
}

// odataFunction returns the name of an OData function or action segment
// (SharePoint's AddRoleAssignment(principalid=7,roledefid=5)), without
// its arguments; any other segment as it is.
func odataFunction(seg string) string {
	i := strings.IndexByte(seg, '(')
	if i <= 0 || !strings.HasSuffix(seg, ")") || strings.ContainsAny(seg[:i], "{}") {
		return seg
	}
	return seg[:i]
}

// roleAssignment reports whether words name role assignments: each joins
// a principal, a role and a scope, and a second one of the same three is
// refused (RoleAssignmentExists), as a set's entry is.
func roleAssignment(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "role" && (words[i+1] == "assignment" || words[i+1] == "assignments") {
			return true
		}
	}
	return false
}
