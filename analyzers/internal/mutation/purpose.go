package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// What a write is for. A retry that repeats a write duplicates something
// only when a second run adds a second thing: another event in a stream,
// another message, another row, another resource the server names. Many
// writes are not like that, and the client cannot show which:
//   - a create under a name, key or e-mail the caller chose is refused on
//     repeat by most APIs (409, already exists), but not by all;
//   - a create of a thing the server names (POST /v1/orders) makes a
//     second one unless the API dedups it by something in the body;
//   - an action on a resource (merge, cancel, trim, regenerate, approve)
//     or an update (PATCH, PUT) usually finds the state it left;
//   - a POST whose names and path say nothing may be any of these.
//
// Evaluated on fresh real modules (sets S–Z), reports of sends the write,
// its sender or its name proves were right about nine times in ten;
// reports of creates read from an HTTP method, a path or a name about
// half the time (whether the API refuses a repeat is the server's rule),
// and of the others about one time in eleven. So only the proven sends,
// the creates a primitive proves (a SQL INSERT) and the creates that move
// money (money.go) are reported by default, and the rest only when the
// user asks for checks (-unsaferetry.confidence=low), worded as what to
// check. The purpose is read from evidence, most specific first: the kind
// of primitive (a publish, a SQL INSERT, a Redis INCR), the HTTP method,
// the verb of the operation's name (the SDK method, the function the
// request is written in), then the request path; Judgement.Basis keeps
// which one decided.

// Purpose is what a write is for, as far as the code shows.
type Purpose uint8

const (
	// PurposeUnknown: an action, an update, or a write whose names and
	// path do not say.
	PurposeUnknown Purpose = iota
	// PurposeSend adds to a stream: an event, a message, a log line, a
	// notification, an increment.
	PurposeSend
	// PurposeCreate makes a new thing that the server names.
	PurposeCreate
	// PurposeNamedCreate makes a thing under a name or key the caller
	// chose: a repeat may be refused.
	PurposeNamedCreate
)

// Judgement is a write's purpose with what it rests on.
type Judgement struct {
	Purpose Purpose
	// Named is the parameter or field that names a PurposeNamedCreate's
	// new thing ("name", "Email").
	Named string
	// Update is the HTTP method of a PurposeUnknown write that the method
	// decided ("PATCH").
	Update string
	// Unsure: a PurposeUnknown write that only a name calls a create
	// or an insert, and that may duplicate nothing (Op.Unsure).
	Unsure string
	// Singleton is the path of a PurposeNamedCreate that makes the one
	// sub-resource of a parent ("/logstores/{…}/index", singletonPath).
	Singleton string
	// SingletonOfReceiver: Singleton is the one thing of the receiver's
	// resource, known from a getter that takes no id (singletonByGetter).
	SingletonOfReceiver bool
	// Basis is what showed a send's or a create's purpose.
	Basis Basis
	// Money: a PurposeCreate of a record of money moved (a charge, a
	// payment, a transfer; movesMoney), certain whatever its basis.
	Money bool
}

// Basis is the evidence a write's purpose was read from. Only some of it
// proves that a repeat duplicates something (Judgement.Certain).
type Basis uint8

const (
	// BasisNone: the purpose was not read (an unsure or updating write).
	BasisNone Basis = iota
	// BasisPrimitive: the write itself says it (a publish, an e-mail, a
	// Redis LPUSH, a SQL INSERT, a known SDK charge).
	BasisPrimitive
	// BasisSender: the write is made by a sender: a function or type
	// named for sending that is given what it sends (a Notifier's Send, a
	// webhook's post of an event to a configured URL).
	BasisSender
	// BasisName: the verb of the operation's name (CreateOrder,
	// SendExample, a GraphQL createIssue mutation).
	BasisName
	// BasisPath: only the request's path (POST /v1/orders, …/events).
	BasisPath
)

// Certain reports whether a repeat of the judged write is known to
// duplicate something: a send shown by the write itself, its sender or
// its name (a second event, message or notification is always a second
// one), and a create shown by the primitive (a SQL INSERT, a MongoDB
// insert without _id, a Kubernetes generateName). A create read from an
// HTTP method, a path or a name is not: whether the API makes a second
// thing or refuses the repeat (a unique name in the body, a key it
// dedups on) is the server's rule, which client code does not show, and
// on fresh real modules such reports were right about half the time. A
// send read only from a path word (…/events, …/publish) is not either.
func (j Judgement) Certain() bool {
	switch j.Purpose {
	case PurposeSend:
		return j.Basis != BasisPath
	case PurposeCreate:
		return j.Basis == BasisPrimitive || j.Money
	}
	return false
}

// candidate reports whether the judged write would be certain on better
// evidence: a send or a create, whatever showed it.
func (j Judgement) candidate() bool { return j.Purpose == PurposeSend || j.Purpose == PurposeCreate }

// inherentPurpose is the purpose of the primitives that say it themselves.
var inherentPurpose = map[Kind]Purpose{
	KindPublish: PurposeSend, KindRedis: PurposeSend, KindMail: PurposeSend,
	KindSQL: PurposeCreate, KindDoc: PurposeCreate, KindKube: PurposeCreate, KindSDK: PurposeCreate, KindCustom: PurposeCreate,
}

// JudgePurpose says what op is for. fn is the operation's function: the
// function called (call is its call) when op is a call of a function that
// writes, else the function the write is written in (call is nil). When
// fn's name says nothing (a generic post helper), encl, the function the
// call is written in, may (CreateContact calling c.post).
func (c *Classifier) JudgePurpose(op Op, fn *types.Func, call *ast.CallExpr, encl *types.Func) Judgement {
	j := c.judgeEvidence(op, fn, call, encl)
	if op.Primitive() == KindVerb && j.candidate() {
		// Only a name says the call writes (no body twice can see): on
		// real modules such reports were right about one time in
		// thirteen, because what a repeat does is up to an implementation
		// twice cannot read. Unknown is a check, not a warning.
		return Judgement{Unsure: UnsureName, Named: purposePhrase[j.Purpose]}
	}
	return j
}

// JudgeCall judges op made at call inside encl, the declared function
// around it: a call of a function that writes (or of one named like a
// write) by its callee, a primitive written in place by encl.
func (c *Classifier) JudgeCall(op Op, call *ast.CallExpr, encl *types.Func) Judgement {
	if (op.Kind == KindCall || op.Kind == KindVerb) && call != nil {
		if fn := c.calleeFunc(call); fn != nil {
			return c.JudgePurpose(op, fn, call, encl)
		}
	}
	return c.JudgePurpose(op, encl, nil, nil)
}

// purposePhrase says what a certain purpose does, for the name-only check.
var purposePhrase = map[Purpose]string{PurposeSend: "sends or adds something", PurposeCreate: "creates something"}

// judgeEvidence is JudgePurpose before the name-only rule.
func (c *Classifier) judgeEvidence(op Op, fn *types.Func, call *ast.CallExpr, encl *types.Func) Judgement {
	if table := logTable(op); table != "" {
		return Judgement{Unsure: UnsureLogTable, Named: table}
	}
	if p, ok := inherentPurpose[op.Primitive()]; ok {
		if p == PurposeCreate && op.Kind == KindCall && fn != nil && !genericName(fn.Name()) && namesWhatItMakes(fn) {
			// A store's CreateSchedule(ctx, s) inserting s.Name: the
			// helper's name and parameters say what the row is keyed by.
			if name := c.createdUnder(fn, call); name != "" {
				return Judgement{Purpose: PurposeNamedCreate, Named: name}
			}
		}
		return Judgement{Purpose: p, Basis: BasisPrimitive}
	}
	if field := c.graphQLMutationField(call, fn); field != "" {
		return mutationPurpose(field) // the mutation names the operation, not the Go code around it
	}
	method, path, _ := strings.Cut(op.WriteDesc(), " ")
	if (fn == nil || genericName(fn.Name())) && encl != nil && (!genericName(encl.Name()) || anyWord(nameWords(encl.Name()), namingVerbs)) && !constructs(encl) {
		fn, call = encl, nil // BulkCreateZones calling s.send(req): the create is encl's
	}
	if key := c.documentedKeyParam(fn); key != "" {
		return Judgement{Unsure: UnsureKeyField, Named: key}
	}
	if partUpload(fn) {
		return Judgement{Unsure: UnsurePart}
	}
	if what := publishedResource(fn); what != "" {
		return Judgement{Unsure: UnsurePublished, Named: what}
	}
	p, decided := namePurpose(fn)
	basis := BasisName
	if decided && genericName(fn.Name()) {
		basis = BasisSender // a generic name decides only for a sender (postMessage, doSend)
	}
	if decided && method == "POST" && fn != nil {
		restated := nameRestatesPath(fn.Name(), path)
		if restated || len(opWords(fn.Name())) == 1 {
			// CreateDeviceLiveToolsLedsBlink, a generated SDK's bare New: the
			// API summary in the doc comment names the operation.
			if verb := c.summaryAction(fn); verb != "" {
				return Judgement{Unsure: UnsureDocAction, Named: verb}
			}
		}
		if restated {
			decided = false // a generator's verb for POST, so the path decides
		}
	}
	if !decided && encl != nil && (sendsByName(encl) || sendsMessage(encl)) {
		p, decided, basis = PurposeSend, true, BasisSender // a Notifier's send through a generic client's Do; SendWithRetry(msg *Message)
	}
	if method == "POST" && setPath(path) {
		return Judgement{Purpose: PurposeUnknown} // …/roleAssignments, …/members: an entry of a set, refused when repeated
	}
	switch {
	case method == "PATCH" || method == "PUT" || method == "DELETE":
		if p != PurposeSend && (p != PurposeCreate || method == "DELETE") {
			return Judgement{Update: method}
		}
		return Judgement{Purpose: PurposeSend, Basis: BasisName} // named for adding to what exists: AddStock, AppendRows
	case !decided:
		p, basis = pathPurpose(path), BasisPath
	}
	if op.Unsure == UnsurePoints && (p == PurposeSend || p == PurposeCreate) {
		return Judgement{Unsure: op.Unsure} // measurement points a repeat may overwrite
	}
	if p != PurposeCreate {
		return Judgement{Purpose: p, Basis: basis}
	}
	j := c.judgeCreate(fn, call, path)
	if j.Purpose == PurposeCreate {
		j.Basis, j.Money = basis, movesMoney(fn, path)
	}
	if j.Purpose == PurposeCreate && decided && op.Primitive() == KindHTTP && !strings.HasPrefix(path, "/") && fn != nil {
		// The request's path is unknown and only a Go name says create
		// (PipelineImport, WorkerRegister): the same evidence as a call
		// with no body, and as often wrong. Sends named so stay reported
		// (a webhook's URL is configuration).
		return Judgement{Unsure: UnsurePathless, Named: fn.Name()}
	}
	if j.Purpose == PurposeCreate && op.Unsure != "" {
		// Only the name of a method twice cannot see says it makes
		// something, and the call says it may not: a create given nothing
		// to create from sets up or opens (host rules, a session), an
		// insert of timestamped points is overwritten by a repeat in a
		// time-series store.
		return Judgement{Unsure: op.Unsure}
	}
	return j
}

// judgeCreate tells a create of a thing the server names from one under
// a name the caller chose (its parameters, or an address in its path).
func (c *Classifier) judgeCreate(fn *types.Func, call *ast.CallExpr, path string) Judgement {
	if fn == nil {
		if addr := addressedPath(path); addr != "" {
			return Judgement{Purpose: PurposeNamedCreate, Named: "address " + addr}
		}
		return Judgement{Purpose: PurposeCreate} // only the path speaks
	}
	if issuesToken(fn) {
		return Judgement{Unsure: UnsureToken}
	}
	if opensSession(fn, path) {
		return Judgement{Unsure: UnsureSession}
	}
	if one := configOfParent(path); one != "" {
		return Judgement{Purpose: PurposeNamedCreate, Singleton: one}
	}
	if !namesWhatItMakes(fn) {
		return Judgement{Purpose: PurposeCreate}
	}
	if name := c.createdUnder(fn, call); name != "" {
		return Judgement{Purpose: PurposeNamedCreate, Named: name}
	}
	if call == nil && rawBodyParam(fn) && c.generated(fn) {
		return Judgement{Unsure: UnsureRawBody}
	}
	if addr := addressedPath(path); addr != "" {
		return Judgement{Purpose: PurposeNamedCreate, Named: "address " + addr}
	}
	if one := singletonPath(fn, path); one != "" {
		return Judgement{Purpose: PurposeNamedCreate, Singleton: one}
	}
	if one := singletonByGetter(fn); one != "" {
		return Judgement{Purpose: PurposeNamedCreate, Singleton: one, SingletonOfReceiver: true}
	}
	return Judgement{Purpose: PurposeCreate}
}

// generated reports whether fn is declared in a generated file of this
// package ("// Code generated … DO NOT EDIT."). A generated client offers
// a raw-body variant of each operation beside a typed one (oapi-codegen's
// CreateTeamWithBody beside CreateTeam): the typed one shows what names
// the new thing, the raw one hides it. Hand-written code taking body
// []byte is judged by its path, as before.
func (c *Classifier) generated(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	f := c.fileOf(fn.Pos())
	return f != nil && ast.IsGenerated(f)
}

// fileOf returns the file of this package that holds pos, or nil.
func (c *Classifier) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// rawBodyParam reports whether fn takes the body of the request it sends
// as raw bytes from its caller: a parameter named body (or payload) of
// type io.Reader or []byte.
func rawBodyParam(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if n := strings.ToLower(p.Name()); n != "body" && n != "payload" {
			continue
		}
		if isNamed(p.Type(), "io", "Reader") || isByteSlice(p.Type()) {
			return true
		}
	}
	return false
}

// logWords end the names of tables that record what happened rather than
// hold what the service sells: alert_logs, audit_log, order_history.
// Journals, ledgers and event tables (an outbox) are not among them: their
// rows are read as the data itself.
var logWords = map[string]bool{"log": true, "logs": true, "audit": true, "audits": true, "history": true, "histories": true}

// logTable returns the table of an SQL INSERT into a log table, or "".
func logTable(op Op) string {
	if op.Primitive() != KindSQL {
		return ""
	}
	desc := op.WriteDesc()
	table, ok := strings.CutPrefix(desc, "INSERT INTO ")
	if !ok || strings.ContainsAny(table, " ,(") {
		return ""
	}
	words := nameWords(table[strings.LastIndexByte(table, '.')+1:])
	if len(words) < 2 || !logWords[words[len(words)-1]] {
		return "" // a table named just "logs" may be what a log service stores
	}
	return table
}

// constructs reports whether fn is a Go constructor: named New… and
// returning (a pointer to) a type its own package declares
// (NewMFAUserClient returning *Client). Its name says what it builds in
// memory, not what a request it sends on the way does (a login, a
// lookup).
func constructs(fn *types.Func) bool {
	if !strings.HasPrefix(fn.Name(), "New") || fn.Signature().Recv() != nil || fn.Signature().Results().Len() == 0 {
		return false
	}
	n, ok := types.Unalias(deref(fn.Signature().Results().At(0).Type())).(*types.Named)
	return ok && n.Obj().Pkg() == fn.Pkg()
}
