package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Creates under a name the caller chose. A create judged only by its name
// (an interface method, an SDK call whose request twice cannot resolve)
// is a double write only when a repeat makes a second resource. Most APIs
// key what they create by a name or id the request carries: a GitHub
// release by its tag (a repeat gets 422 already_exists), a queue, bucket,
// topic or role assignment by its name (409 Conflict, or the existing
// one back), a resource whose id the client picked. When the call passes
// such a name, and the name is not made fresh for the call, the repeat is
// refused or answers with the same resource, and the name alone cannot
// say otherwise: stay silent. Creates that carry no identity of the new
// thing (an issue, a comment, an order for a customer: the customer is the
// parent, not the order) keep their finding.
//
// Records and entries are the exception: a DNS record or a ledger entry
// is filed under a name that many of them share, so a name there is not
// a key.

// identityWords end the names of fields and parameters that name the
// created thing: Name, ID, Key, Slug, Tag (TagName), UID, and the Path
// a file, node or time series is created at.
var identityWords = map[string]bool{
	"name": true, "id": true, "key": true, "slug": true, "tag": true, "uid": true, "uuid": true, "identifier": true, "path": true,
}

// abbreviations spell out the short words of field names: DbName names a
// database, RepoName a repository, NsName a namespace.
var abbreviations = map[string]string{"db": "database", "repo": "repository", "ns": "namespace"}

// accountNouns are created things unique by the login they carry: a
// second user, account, credential, subscriber or contact with the same
// username or e-mail is refused (409, EMAIL_EXISTS, "Member Exists") or
// answered with the existing one. Customers and orders are not among
// them: payment APIs file any number of customers under one e-mail.
var accountNouns = map[string]bool{
	"user": true, "account": true, "credential": true, "login": true, "member": true,
	"subscriber": true, "contact": true, "principal": true,
}

// accountKeys are the names (words joined, lower case) of the fields that
// hold an account's login.
var accountKeys = map[string]bool{"username": true, "login": true, "loginname": true, "email": true, "emailaddress": true,
	"userprincipalname": true, "principalname": true} // a directory's sign-in name (Entra ID's UPN)

// sharedNameNouns are created things filed under a name that is not
// unique: records and entries.
var sharedNameNouns = map[string]bool{"record": true, "records": true, "entry": true, "entries": true}

// streamItemNouns are the items of a stream (an event, a message, a log
// line, a span): their name says what kind of item each is, so many share
// one (AddEvent(name, env) posts one more "run_started"). Only the head
// noun counts: a log group or an event bus is a named resource.
var streamItemNouns = map[string]bool{"event": true, "events": true, "message": true, "messages": true,
	"log": true, "logs": true, "span": true, "spans": true, "trace": true, "traces": true}

// sharedName reports whether the created noun is filed under a name many
// of its kind share.
func sharedName(noun []string) bool {
	return anyWord(noun, sharedNameNouns) || streamItem(noun)
}

// streamItem reports whether the created noun's head is a stream's item.
func streamItem(noun []string) bool {
	return len(noun) > 0 && streamItemNouns[noun[len(noun)-1]]
}

// callerNamedCreate reports whether a create judged by its name passes a
// caller-chosen identity of the created thing: a string or integer
// argument whose parameter (or expression) is named like one, or a field
// of a request literal (given in the call, or built in the enclosing
// function) named like one.
func (c *Classifier) callerNamedCreate(call *ast.CallExpr, fn *types.Func) bool {
	noun := createdNounOf(fn)
	if sharedName(noun) {
		return false
	}
	decl := c.enclosingDecl(call.Pos())
	sig := fn.Signature()
	for i, arg := range call.Args {
		t := c.pass.TypesInfo.TypeOf(arg)
		if scalar(t) {
			if (identityName(paramName(sig, i), noun) || identityName(exprName(arg), noun) && !c.othersField(arg, noun)) && !c.freshPerAttempt(arg, call, decl) {
				return true
			}
			continue
		}
		if c.literalNamesIdentity(arg, decl, noun) || structRefPair(t) != "" {
			return true // a name, or the branches a pull request joins (refpair.go)
		}
		if !c.builtInSight(arg, decl) && c.typeNamesIdentity(t, noun) {
			return true // a request built elsewhere whose type names the thing
		}
	}
	return false
}

// freshPerAttempt reports whether arg is a fresh value (a uuid, a time)
// made anew for each attempt: not a variable defined outside the func
// literal or loop the call is written in (id := uuid.New() before
// retry.Do(func() error { … Create(ctx, id) … }) names every attempt's
// thing the same).
func (c *Classifier) freshPerAttempt(arg ast.Expr, call *ast.CallExpr, decl *ast.FuncDecl) bool {
	if !c.fresh(arg, 0) {
		return false
	}
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok || decl == nil || decl.Body == nil {
		return true
	}
	v := c.varOf(id)
	attempt := innermostAttempt(decl.Body, call)
	return v == nil || attempt == nil || attempt.Pos() <= v.Pos() && v.Pos() < attempt.End()
}

// innermostAttempt is the innermost func literal or loop body of body
// that contains n (the code that runs once per attempt), or nil.
func innermostAttempt(body *ast.BlockStmt, n ast.Node) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(x ast.Node) bool {
		if x == nil || !within(n, x) {
			return false
		}
		switch y := x.(type) {
		case *ast.FuncLit:
			found = y.Body
		case *ast.ForStmt:
			found = y.Body
		case *ast.RangeStmt:
			found = y.Body
		}
		return true
	})
	return found
}

// othersField reports whether arg is a field of a value of another named
// type than the created thing (o.ID of an Order passed to a create of a
// payment): the parent's id, not the new thing's.
func (c *Classifier) othersField(arg ast.Expr, noun []string) bool {
	sel, ok := ast.Unparen(arg).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	n, ok := types.Unalias(deref(c.pass.TypesInfo.TypeOf(sel.X))).(*types.Named)
	if !ok {
		return false
	}
	if _, isStruct := n.Underlying().(*types.Struct); !isStruct {
		return false
	}
	return !namesCreated("", n, noun)
}

// builtInSight reports whether the request argument's fields are all in
// sight: a literal, or a variable of decl every definition of which is a
// literal or a declaration without a value (then only its field
// assignments set anything).
func (c *Classifier) builtInSight(arg ast.Expr, decl *ast.FuncDecl) bool {
	if astpath.Literal(arg) != nil {
		return true
	}
	v := c.localVar(arg, decl)
	if v == nil {
		return false // a parameter, a field, a package variable
	}
	defs, _ := astpath.Definitions(c.pass.TypesInfo, decl.Body, v)
	for _, d := range defs {
		if d.Tuple || d.Rhs == nil && !d.Spec || d.Rhs != nil && astpath.Literal(d.Rhs) == nil {
			return false
		}
	}
	return len(defs) > 0
}

// localVar returns the local variable of decl that e names (req, &req),
// or nil (a parameter, a field, a package variable).
func (c *Classifier) localVar(arg ast.Expr, decl *ast.FuncDecl) *types.Var {
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	v := c.varOf(e)
	if v == nil || decl == nil || decl.Body == nil || !(decl.Body.Pos() <= v.Pos() && v.Pos() < decl.Body.End()) {
		return nil
	}
	return v
}

// typeNamesIdentity reports whether a request type (or the struct it
// points to) has a string field naming the created thing: a create
// request that carries CollectionName, PartitionName or Alias is keyed by
// the name its caller gives. It also looks one level into a field that
// carries the created thing itself (CreateRoleRequest.Entity of type
// RoleEntity, with a Name).
func (c *Classifier) typeNamesIdentity(t types.Type, noun []string) bool {
	return c.identityFieldDepth(t, noun, 0) != ""
}

// identityField returns the string field of a request struct itself that
// names the created thing (Name, Slug, Email for a user), or "". For a
// parameter that is a slice of such structs (BulkCreate(ctx, domain,
// rrSets []RRSet)), each element is named as a single create's would be.
func (c *Classifier) identityField(t types.Type, noun []string) string {
	if sl, ok := t.Underlying().(*types.Slice); ok {
		t = sl.Elem()
	}
	return c.identityFieldDepth(t, noun, 1)
}

// identityFieldDepth returns the field naming the created thing, looking
// into a field that carries the thing itself only at depth 0. An ID field
// does not count: a resource type passed to its create usually leaves it
// to the server to fill, and a dedup key slot may be left empty.
func (c *Classifier) identityFieldDepth(t types.Type, noun []string, depth int) string {
	st, ok := derefStruct(t) // mongo.go
	if !ok {
		return ""
	}
	if pair := structRefPair(st); pair != "" {
		return pair
	}
	if id, ok := c.aipCreateID(st, noun); ok {
		return id // aipcreate.go: the id field, or the server names it
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if identityValue(f.Name(), f.Type(), noun) && !idWords[lastWord(singular(f.Name()))] {
			return f.Name()
		}
		if idWords[lastWord(f.Name())] && identityType(deref(f.Type())) && c.callerSetsID(t, f.Name()) {
			return f.Name() // callerid.go: Application.Name(id) sets ID
		}
		if depth == 0 && namesCreated(f.Name(), f.Type(), noun) {
			if inner := c.identityFieldDepth(f.Type(), noun, depth+1); inner != "" {
				return inner
			}
		}
	}
	return ""
}

// identityValue reports whether a field or key of type t names the
// created thing: a scalar named like an identity, or, for a batch create,
// a slice of them named like identities (Paths, Names).
func identityValue(name string, t types.Type, noun []string) bool {
	switch {
	case identityType(deref(t)):
		return identityName(name, noun)
	case scalarSlice(t):
		return identityName(singular(name), noun)
	}
	return false
}

// scalarSlice: a slice of strings or integers.
func scalarSlice(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	return ok && scalar(sl.Elem())
}

// lastWord is the last word of a name, in lower case.
func lastWord(name string) string {
	words := nameWords(name)
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// createdNoun is the lower-case words after the verb: CreateRoleAssignment
// → [role assignment]; a bare Create has none.
func createdNoun(name string) []string {
	words := SplitWords(name)
	noun := make([]string, 0, len(words))
	for _, w := range words[1:] {
		w = strings.ToLower(w)
		if nounEnds[w] && len(noun) > 0 {
			break // CreateBucketWithVersioning makes a bucket
		}
		noun = append(noun, w)
	}
	return noun
}

// nounEnds end the created thing's noun in an operation's name: what
// follows says how it is made (WithVersioning, ForUser, IfMissing).
var nounEnds = map[string]bool{"with": true, "for": true, "from": true, "by": true, "if": true, "in": true, "on": true, "and": true, "to": true, "using": true, "via": true}

// identityName reports whether a field or parameter name names the
// created thing: a bare identity word (name, id, key), one after words
// of the created noun (ReleaseName for CreateRelease, queueName for
// CreateQueue), a tag's name (TagName), or the noun itself (Bucket for
// CreateBucket). Idempotency tokens (ClientToken) are judged where keys
// are (keyorigin.go), which tells a stable key from one made per attempt.
func identityName(name string, noun []string) bool {
	if name == "" || name == "_" {
		return false
	}
	words := SplitWords(name)
	for i := range words {
		words[i] = strings.ToLower(words[i])
		if full, ok := abbreviations[words[i]]; ok {
			words[i] = full // DbName for CreateDatabase
		}
	}
	last := len(words) - 1
	if len(noun) > 0 && accountNouns[noun[len(noun)-1]] && accountKeys[strings.Join(words, "")] {
		return true // Username for CreateCredential, Email for CreateContact
	}
	if len(noun) > 0 && noun[len(noun)-1] == "email" && strings.Join(words, "") == "address" {
		return true // an e-mail resource is its address: Address for EmailService.Create
	}
	if len(words) == 1 && len(noun) > 0 && words[0] == noun[len(noun)-1] || len(noun) > 1 && slices.Equal(words, noun) {
		return true // Bucket for CreateBucket, ResourceGroup for CreateResourceGroup: the thing is its name
	}
	if !identityWords[words[last]] {
		return false
	}
	headNamed := last == 0
	for _, w := range words[:last] {
		if qualifierWords[w] {
			headNamed = true // PrefixPath, FullName: the thing's own name, spelled out
			continue
		}
		if !identityWords[w] && !slices.Contains(noun, w) {
			return false // projectID for CreateOrder: the parent's id
		}
		headNamed = headNamed || identityWords[w] || w == noun[len(noun)-1]
	}
	// DynamicSecretName for CreateDynamicSecretLease names the parent the
	// lease is made for, not the lease.
	return headNamed
}

// qualifierWords before an identity word say which form of the thing's own
// name it is, not whose name: FullName, QualifiedName, PrefixPath (a
// time series created under prefixPath.measurement).
var qualifierWords = map[string]bool{"full": true, "qualified": true, "unique": true, "canonical": true, "prefix": true}

// paramName is the name of the parameter argument i binds.
func paramName(sig *types.Signature, i int) string {
	params := sig.Params()
	switch {
	case i < params.Len():
		return params.At(i).Name()
	case sig.Variadic() && params.Len() > 0:
		return params.At(params.Len() - 1).Name()
	}
	return ""
}

// exprName is the last name an argument is spelled with: name, req.Name,
// github.String(tag) → tag.
func exprName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.UnaryExpr:
		return exprName(x.X)
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			return exprName(x.Args[0]) // a pointer helper: aws.String(name)
		}
	}
	return ""
}

// deref is the type a pointer points to (aws.String(name) is a *string),
// or t.
func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// scalar: a string or an integer (an identity a caller can choose).
func scalar(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsInteger) != 0
}

// literalNamesIdentity reports whether arg is a request literal (&T{…},
// T{…}), or a local variable defined by one in decl, that sets an
// identity field to a value not made fresh for the call; fields set
// later (`req.Name = n`) count too.
func (c *Classifier) literalNamesIdentity(arg ast.Expr, decl *ast.FuncDecl, noun []string) bool {
	if lit := astpath.Literal(arg); lit != nil {
		return c.litIdentity(lit, noun)
	}
	v := c.localVar(arg, decl)
	if v == nil {
		return false
	}
	defs, _ := astpath.Definitions(c.pass.TypesInfo, decl.Body, v)
	for _, d := range defs {
		if lit := astpath.Literal(d.Rhs); lit != nil && !d.Tuple && c.litIdentity(lit, noun) {
			return true
		}
	}
	st, ok := derefStruct(v.Type())
	if !ok {
		return false
	}
	ix := c.idx()
	for i := 0; i < st.NumFields(); i++ {
		name := st.Field(i).Name()
		if !identityName(name, noun) {
			continue
		}
		for _, rhs := range ix.fields[fieldKey{v, name}] {
			if scalar(deref(c.pass.TypesInfo.TypeOf(rhs))) && !c.fresh(rhs, 0) && !setOnSomePaths(decl.Body, rhs, arg) {
				return true // req.Name = name
			}
		}
	}
	return false
}

// setOnSomePaths reports whether a field assignment's value sits under a
// branch or loop that the create's argument is not under: the name is
// optional (if v, ok := d.GetOk("name"); ok { input.Name = … }), and a
// create without it is named by the server, so a repeat makes a second
// one.
func setOnSomePaths(body *ast.BlockStmt, rhs, use ast.Node) bool {
	optional := false
	astpath.Walk(body, func(n ast.Node, path []ast.Node) bool {
		if n != rhs {
			return !optional
		}
		for _, p := range path {
			switch p.(type) {
			case *ast.IfStmt, *ast.CaseClause, *ast.CommClause, *ast.ForStmt, *ast.RangeStmt:
				if use.Pos() < p.Pos() || p.End() < use.End() {
					optional = true
				}
			}
		}
		return false
	})
	return optional
}

// setsDraft reports whether a literal sets a Draft field to true (or to a
// pointer helper of true: github.Bool(true)).
func setsDraft(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Draft" && exprName(kv.Value) == "true" {
			return true
		}
	}
	return false
}

// litIdentity reports whether a keyed literal sets an identity field. A
// draft (Draft: true) is not yet bound to its name: GitHub files any
// number of draft releases under one tag.
func (c *Classifier) litIdentity(lit *ast.CompositeLit, noun []string) bool {
	if setsDraft(lit) {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if identityValue(key.Name, c.pass.TypesInfo.TypeOf(kv.Value), noun) && !c.fresh(kv.Value, 0) {
			return true
		}
		if inner := astpath.Literal(kv.Value); inner != nil && c.describesCreated(key.Name, inner, noun) && c.litIdentity(inner, noun) {
			return true
		}
		if t := c.pass.TypesInfo.TypeOf(kv.Value); astpath.Literal(kv.Value) == nil && !scalar(deref(t)) && namesCreated(key.Name, t, noun) && c.identityFieldDepth(t, noun, 1) != "" {
			// The created thing built elsewhere, carrying its own name
			// (CreatePipelineInput{Pipeline: expandPipeline(d)}, a
			// PipelineDeclaration with a Name).
			return true
		}
	}
	return false
}

// describesCreated reports whether a nested literal is the created thing
// itself, carried in the request (CreateRoleRequest{Entity:
// &RoleEntity{Name: n}}, CreateTopicRequest{Topic: &Topic{Name: n}}):
// its field or its type is named for the created noun. A nested literal
// about something else (Owner: &User{ID: u}) names a parent, not the
// new thing.
func (c *Classifier) describesCreated(field string, lit *ast.CompositeLit, noun []string) bool {
	return namesCreated(field, c.pass.TypesInfo.TypeOf(lit), noun)
}

// namesCreated reports whether a field or its struct type is named for
// the created noun's last word (Entity of type RoleEntity for CreateRole).
func namesCreated(field string, t types.Type, noun []string) bool {
	if len(noun) == 0 {
		return false
	}
	last := noun[len(noun)-1]
	names := []string{field}
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		if _, isStruct := n.Underlying().(*types.Struct); !isStruct {
			return false
		}
		names = append(names, n.Obj().Name())
	}
	for _, name := range names {
		for _, w := range SplitWords(name) {
			if strings.ToLower(w) == last {
				return true
			}
		}
	}
	return false
}
