package mutation

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// Reads sent as POST. Many APIs take POST for calls that change nothing:
// search and query endpoints, RPC-style APIs whose operations are named
// Get/List/Find/…, ACME's POST-as-GET, GraphQL queries, OAuth2 token
// requests. The evidence that a POST reads is the last segment of its path,
// the name of the function that sends it, or the GraphQL document it
// carries; any write word next to the read word (getOrCreate,
// find-and-modify) keeps it a write.

// readWords start the names of operations that only read.
// Words that also name resources or state changes (status, count, check-in,
// resolve, load balancer) are left out.
var readWords = map[string]bool{
	"get": true, "list": true, "find": true, "search": true, "query": true, "describe": true, "fetch": true,
	"lookup": true, "read": true, "batchget": true, "show": true, "exists": true, "introspect": true,
	"userinfo": true, "ls": true, "scroll": true, "mget": true, "msearch": true, "explain": true, "validate": true,
	"preview": true, "estimate": true, "head": true, "download": true, "inspect": true,
	// A peek reads messages without taking them; a filter answers which
	// of the given items match.
	"peek": true, "filter": true,
	// Discovery (OIDC, service discovery, a protocol's capability probe)
	// reads what the server offers; a ping or health check only asks.
	"discover": true, "ping": true, "health": true, "healthz": true,
	// A yes/no question (HasUniqueRoleAssignments, IsMember) asks about
	// the state it names and changes none.
	"has": true, "is": true,
	// Evaluations and computations answer from their input and store
	// nothing: expanding or evaluating a policy or a flag, verifying a
	// signature, comparing, simulating; and model inference (embeddings,
	// classification, translation, completions), which a repeat only bills
	// again.
	"expand": true, "evaluate": true, "verify": true, "compute": true, "calculate": true, "simulate": true,
	// Signing a payload with a managed key (IAM signBlob, KMS sign)
	// answers with a signature and stores nothing; "sign up" is not one.
	"sign": true,
	// Encrypting or decrypting with a managed key answers with the result.
	"encrypt": true, "decrypt": true,
	"compare": true, "diff": true, "embed": true, "embeddings": true, "tokenize": true, "detokenize": true,
	"rerank": true, "classify": true, "detect": true, "translate": true, "predict": true, "completions": true,
}

// writeWords anywhere in a name make it a write even when it starts with a
// read word (getOrCreate, find_and_modify, check-and-charge).
var writeWords = map[string]bool{
	"create": true, "add": true, "insert": true, "new": true, "send": true, "post": true, "put": true,
	"update": true, "set": true, "save": true, "store": true, "write": true, "delete": true, "remove": true,
	"publish": true, "submit": true, "register": true, "charge": true, "pay": true, "transfer": true,
	"upload": true, "push": true, "enqueue": true, "apply": true, "patch": true, "commit": true,
	"modify": true, "upsert": true, "increment": true, "run": true, "execute": true, "trigger": true,
	"start": true, "stop": true, "cancel": true, "approve": true, "mark": true, "ack": true, "lock": true,
	"claim": true, "reserve": true, "finalize": true, "revoke": true, "deactivate": true, "activate": true,
	"refund": true, "capture": true,
}

// ReadName reports whether an operation or function name says it reads:
// its first word is a read word (GetOrder, list_items, batchGet,
// describe-instances) and no word is a write word; or it says it is a
// POST-as-GET (postAsGet).
func ReadName(name string) bool {
	words := opWords(operationName(name)) // doFilterItems, tryGetLock: the verb after the auxiliary says it
	if len(words) == 0 {
		return false
	}
	for i, w := range words {
		if w == "as" && i+1 < len(words) && words[i+1] == "get" {
			return true // ACME POST-as-GET
		}
	}
	if !readWords[words[0]] && !(len(words) > 1 && readWords[words[0]+words[1]]) && !nounThenRead(words) {
		return false
	}
	if words[0] == "sign" && len(words) > 1 && words[1] == "up" {
		return false // signUp creates an account
	}
	for _, w := range words {
		if writeWords[w] {
			return false
		}
	}
	return true
}

// nounFirstReads are the read verbs an API names its operations with after
// the resource, noun first (IPFS's PinLs, a store's KeyGet).
var nounFirstReads = map[string]bool{"ls": true, "list": true, "get": true, "show": true, "find": true, "search": true, "lookup": true, "describe": true}

// nounThenRead reports whether words name a read noun first: a first word
// that is no verb twice knows, then a read verb (PinLs, KeyList).
func nounThenRead(words []string) bool {
	if len(words) < 2 || !nounFirstReads[words[1]] {
		return false
	}
	w := words[0]
	return !writeWords[w] && !sendVerbs[w] && !createVerbs[w] && !isAction(w) && !readWords[w]
}

// generatedSuffixes end the method names API client generators give an
// operation: OpenAPI Generator's CheckExecute (the request builder's send),
// oapi-codegen's ListPetsWithResponse and AddPetWithBodyWithResponse, and
// the context or options variants of hand-written SDKs. They say how the
// operation is sent, not what it does.
var generatedSuffixes = []string{"WithBodyWithResponse", "WithResponse", "WithBody", "WithContext", "WithOptions", "WithParams", "Execute"}

// operationName returns name without a generator's suffix: Check for
// CheckExecute, ListPets for ListPetsWithResponse. A name that is only the
// suffix (Execute) is kept.
func operationName(name string) string {
	for _, suf := range generatedSuffixes {
		if strings.HasSuffix(name, suf) && len(name) > len(suf) {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// nameWords splits an identifier or path segment into lower-case words at
// camelCase boundaries and at '-', '_', '.' and ' '.
func nameWords(name string) []string {
	var words []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' }) {
		for _, w := range SplitWords(part) {
			if w != "" {
				words = append(words, strings.ToLower(w))
			}
		}
	}
	return words
}

// tokenSegments are the last path segments of OAuth2 and OIDC endpoints
// that issue or inspect tokens: repeating one issues another token and
// changes nothing else.
var tokenSegments = map[string]bool{"token": true, "access_token": true, "introspect": true, "userinfo": true,
	// Logging in (with a password, a cloud identity, a JWT) issues a
	// session token the same way.
	"login": true, "signin": true, "sign-in": true, "authenticate": true,
}

// tokenActions are what a client does to the token it holds (/auth/token/renew,
// /oauth2/token/revoke): renewing it again extends the same token, revoking
// it again finds it revoked.
var tokenActions = map[string]bool{"renew": true, "revoke": true, "refresh": true, "logout": true}

// tokenAction reports whether a POST path ends in an action on a token
// (its parent segment is token or tokens).
func tokenAction(parent, last string) bool {
	_, p := splitLastSegment(parent)
	p = strings.ToLower(p)
	return tokenActions[strings.ToLower(last)] && (p == "token" || p == "tokens" || p == "session")
}

// readSegment reports whether the last segment of a POST's path names a
// read: a search or query endpoint, a token endpoint, a read-only custom
// method, or an RPC operation named like a read (/twirp/pkg.Orders/ListOrders).
func readSegment(last string) bool {
	if readOnlySegments[strings.ToLower(last)] || tokenSegments[strings.ToLower(last)] {
		return true
	}
	if readNoun(last) {
		return false
	}
	return ReadName(last)
}

// readNoun reports whether a path segment is a resource named with "read"
// as an adjective (read-replica, read_receipts): in a REST path a
// hyphenated or snake-case segment is a noun, and "read" before another
// word qualifies it. An RPC operation (ReadFile) is camel case.
func readNoun(last string) bool {
	i := strings.IndexAny(last, "-_")
	return i > 0 && strings.EqualFold(last[:i], "read") && i+1 < len(last)
}

// graphQLDocument classifies a GraphQL document: isDoc when text starts
// with an operation keyword or the query shorthand ("{ viewer { login } }",
// not a JSON object), read when its operation is a query.
func graphQLDocument(text string) (isDoc, read bool) {
	t := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(t, "mutation") && graphQLBoundary(t[len("mutation"):]):
		return true, false
	case strings.HasPrefix(t, "subscription") && graphQLBoundary(t[len("subscription"):]):
		return true, false
	case strings.HasPrefix(t, "query") && graphQLBoundary(t[len("query"):]):
		return true, true
	case strings.HasPrefix(t, "{"):
		rest := strings.TrimSpace(t[1:])
		return rest != "" && isNameStart(rest[0]), rest != "" && isNameStart(rest[0])
	}
	return false, false
}

// graphQLBoundary: the keyword is followed by a name, variables or a
// selection set, not by more letters (queryString).
func graphQLBoundary(rest string) bool {
	return rest == "" || strings.ContainsRune(" \t\r\n({", rune(rest[0]))
}

func isNameStart(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// maxDocArgs bounds how many arguments (and their single assignments) are
// searched for a GraphQL document.
const maxDocArgs = 8

// graphQLRead reports whether the call carries a GraphQL query (and no
// mutation) among its constant string arguments (graphQLDocuments).
func (c *Classifier) graphQLRead(call *ast.CallExpr) bool {
	read, write := false, false
	for _, doc := range c.graphQLDocuments(call) {
		_, r := graphQLDocument(doc)
		read, write = read || r, write || !r
	}
	return read && !write
}

// graphQLDocuments returns the GraphQL documents among a call's constant
// string arguments, directly, in a variable assigned once, or one call or
// composite literal deep (graphql.NewRequest(`query { … }`), Body{Query: q}).
func (c *Classifier) graphQLDocuments(call *ast.CallExpr) []string {
	var docs []string
	var visit func(e ast.Expr, depth int)
	visit = func(e ast.Expr, depth int) {
		if e == nil || depth > 2 {
			return
		}
		e = ast.Unparen(e)
		if tv, ok := c.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			if isDoc, _ := graphQLDocument(constant.StringVal(tv.Value)); isDoc {
				docs = append(docs, constant.StringVal(tv.Value))
			}
			return
		}
		switch x := e.(type) {
		case *ast.Ident:
			if rhs := c.singleValue(x); rhs != nil {
				visit(rhs, depth+1)
			}
		case *ast.UnaryExpr:
			visit(x.X, depth)
		case *ast.CallExpr:
			for i, a := range x.Args {
				if i < maxDocArgs {
					visit(a, depth+1)
				}
			}
		case *ast.CompositeLit:
			for i, elt := range x.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok && i < maxDocArgs {
					visit(kv.Value, depth+1)
				}
			}
		}
	}
	for i, a := range call.Args {
		if i < maxDocArgs {
			visit(a, 0)
		}
	}
	return docs
}

// postReads reports whether a POST write found by the classifier is a read
// by evidence: the GraphQL document the call carries, or (while
// summarising) the name of the function that sends it — a read, or the
// assignment of a state (setPrimaryStatus) whose payload does not add. A PATCH whose
// payload only sets fields is not a write either (readpost_patch.go).
func (c *Classifier) postReads(call *ast.CallExpr, op Op) bool {
	if c.patchSets(call, op) {
		return true
	}
	method, path, _ := strings.Cut(op.WriteDesc(), " ")
	if op.Primitive() != KindHTTP || method != "POST" {
		return false
	}
	if ReadOnlyPOST(path) || SelfAddressedPOST(path) {
		return true // a helper's POST to the path this call passes
	}
	if c.rpcOpReads(call) {
		return true // an RPC helper asked for an operation that reads (rpcop.go)
	}
	if c.calleeNamesAdd(call) {
		return c.graphQLRead(call) // SendUsage called from Configure: the sender's name speaks
	}
	decl := c.enclosingDecl(call.Pos())
	name := c.enclosingName(decl)
	if ReadName(name) || decl != nil && (c.tokenRequest(decl) || c.inferenceRequest(decl)) {
		return true // a read, a token request, or model inference (inference.go)
	}
	if SetName(name) && !pathAdds(path) && c.payload(call) != shapeAdds {
		return true // a POST that assigns a state (sdkname.go)
	}
	return c.graphQLRead(call)
}

// calleeNamesAdd reports whether call is a call of a function whose own
// name is an operation that adds or sends (SendUsage, CreateLease), not a
// generic transport (post, sendRequest, doCall). Its name is nearer the
// write than the caller's: ConfigureProvider calling SendUsage still sends
// a usage report, whereas GetOrder calling c.post(ctx, "/rpc", …) reads.
func (c *Classifier) calleeNamesAdd(call *ast.CallExpr) bool {
	fn := c.calleeFunc(call)
	return fn != nil && fn.Pkg() != nil && namesAddingOperation(fn.Name())
}

// namesAddingOperation reports whether a function's name is an operation
// that adds or sends something it names (CreateLease, SendUsage,
// postEvent), not a transport (post, sendRequest, signedPost), a read
// (postAsGet) or a state it sets (SendProfileUpdate).
func namesAddingOperation(name string) bool {
	if genericName(name) || ReadName(name) {
		return false
	}
	words := opWords(operationName(name))
	for _, w := range words {
		if stateWords[w] {
			return false // SendProfileUpdate: what it sends sets a state, as its caller's name may say
		}
	}
	for i, w := range words {
		if !addsWords([]string{w}) {
			continue
		}
		if !httpMethodWords[w] && !genericNames[w] {
			return true // CreateLease, PublishEvent
		}
		if next := i + 1; next < len(words) && !genericTails[words[next]] && !httpMethodWords[words[next]] {
			return true // SendUsage, postEvent: a transport verb and what it sends
		}
	}
	return false // signedPost: how it sends, not what
}

// enclosingName is the name of the function a call is written in: the
// one being summarised, else decl's.
func (c *Classifier) enclosingName(decl *ast.FuncDecl) string {
	switch {
	case c.sum != nil:
		return c.sum.name
	case decl != nil:
		return decl.Name.Name
	}
	return ""
}

// verbReads reports whether a call judged only by its name is a generic
// transport's (an interface Send, Do or Invoke) written in an operation
// whose name reads: DescribeHost sending its request through
// client.Send, which a state waiter then polls.
func (c *Classifier) verbReads(call *ast.CallExpr, op Op, fn *types.Func) bool {
	if op.Primitive() != KindVerb || fn == nil || !genericName(fn.Name()) {
		return false
	}
	name := c.enclosingName(c.enclosingDecl(call.Pos()))
	return ReadName(name) && !anyWord(nameWords(name), exchangeWords)
}

// exchangeWords name what a generic wrapper gets back, not a resource it
// reads: getResponse, fetchResult and doGetRaw send whatever they are
// given.
var exchangeWords = map[string]bool{
	"request": true, "req": true, "response": true, "resp": true, "result": true, "reply": true,
	"raw": true, "http": true, "api": true, "json": true, "body": true, "data": true,
}

// enclosingDecl returns the function declaration of this package that
// contains pos, or nil.
func (c *Classifier) enclosingDecl(pos token.Pos) *ast.FuncDecl {
	decls := c.idx().decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
	if i < len(decls) && decls[i].Pos() <= pos {
		return decls[i]
	}
	return nil
}

// tokenRequest reports whether decl builds an OAuth2 token request: its
// body spells the grant_type form field every token request carries
// (RFC 6749 §4), or the refresh_token of a refresh grant (a helper whose
// callers pass the grant keeps only that). Repeating one issues another
// token, nothing else.
func (c *Classifier) tokenRequest(decl *ast.FuncDecl) bool {
	c.tokenMu.Lock()
	defer c.tokenMu.Unlock()
	if v, ok := c.tokenDecls[decl]; ok {
		return v
	}
	found := false
	if decl.Body != nil {
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && (strings.Contains(lit.Value, "grant_type") || strings.Contains(lit.Value, "refresh_token")) {
				found = true
			}
			return !found
		})
	}
	if c.tokenDecls == nil {
		c.tokenDecls = map[*ast.FuncDecl]bool{}
	}
	c.tokenDecls[decl] = found
	return found
}
