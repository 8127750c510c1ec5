package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// What a write is for. A retry that repeats a write duplicates something
// only when a second run adds a second thing: another event in a stream,
// another message, another row, another resource the server names. Many
// writes are not like that, and the client cannot show which:
//   - a create under a name, key or e-mail the caller chose is refused on
//     repeat by most APIs (409, already exists), but not by all;
//   - an action on a resource (merge, cancel, trim, regenerate, approve)
//     or an update (PATCH, PUT) usually finds the state it left;
//   - a POST whose names and path say nothing may be any of these.
//
// Evaluated on real modules, reports of sends and of creates the server
// names were right nine times in ten; the others about one time in five.
// So the sends and the unnamed creates are reported by default, and the
// rest only when the user asks for checks (-unsaferetry.confidence=low),
// worded as what to check. The purpose is read from evidence, most
// specific first: the kind of primitive (a publish, a SQL INSERT, a Redis
// INCR), the HTTP method, the verb of the operation's name (the SDK
// method, the function the request is written in), then the request path.

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

// Certain reports whether a repeat of a write with this purpose is known
// to duplicate something.
func (p Purpose) Certain() bool { return p == PurposeSend || p == PurposeCreate }

// Judgement is a write's purpose with what it rests on.
type Judgement struct {
	Purpose Purpose
	// Name is the parameter or field that names a PurposeNamedCreate's
	// new thing ("name", "Email"); for PurposeUnknown, the HTTP method of
	// an update, if that decided it.
	Name string
}

// Check says what the user should check before deciding a reported
// uncertain write is a bug; "" for a certain one.
func (j Judgement) Check() string {
	switch {
	case j.Purpose.Certain():
		return ""
	case j.Purpose == PurposeNamedCreate:
		return "check: it creates under the " + j.Name + " its caller chose; if the API refuses a second one with the same " + j.Name + " (409, already exists), a repeat is harmless"
	case j.Name != "":
		return "check: a " + j.Name + " usually leaves the same state when repeated; it is a duplicate only if it adds or counts something"
	}
	return "check: its names and path do not say whether it adds something (a create, an event) or acts on existing state, which a repeat usually leaves as it was"
}

// inherentPurpose is the purpose of the primitives that say it themselves.
var inherentPurpose = map[Kind]Purpose{
	KindPublish: PurposeSend, KindRedis: PurposeSend, KindMail: PurposeSend,
	KindSQL: PurposeCreate, KindDoc: PurposeCreate, KindKube: PurposeCreate, KindSDK: PurposeCreate, KindCustom: PurposeCreate,
}

// sendVerbs start the names of operations that add to a stream.
var sendVerbs = map[string]bool{
	"send": true, "publish": true, "produce": true, "push": true, "notify": true, "ingest": true, "emit": true,
	"deliver": true, "post": true, "track": true, "capture": true, "append": true, "enqueue": true,
	"increment": true, "incr": true, "record": true, "fire": true, "alert": true,
	"broadcast": true, "dispatch": true, "forward": true, "relay": true, "flush": true, "export": true,
	"reply": true, "audit": true,
}

// senderNouns end the names of types whose methods send: a LineSender's
// report, a Notifier's deliver.
var senderNouns = map[string]bool{
	"sender": true, "publisher": true, "producer": true, "notifier": true, "emitter": true, "exporter": true,
	"shipper": true, "tracker": true, "reporter": true, "dispatcher": true, "forwarder": true, "pusher": true,
	"webhook": true, "hook": true, "alerter": true, "mailer": true, "ingester": true, "collector": true,
}

// createVerbs start the names of operations that make something new.
var createVerbs = map[string]bool{
	"create": true, "insert": true, "add": true, "new": true, "initiate": true, "register": true, "submit": true,
	"schedule": true, "trigger": true, "run": true, "start": true, "launch": true, "charge": true, "pay": true,
	"transfer": true, "upload": true, "invite": true, "import": true, "issue": true, "mint": true, "order": true,
	"book": true, "reserve": true, "fork": true, "copy": true, "clone": true,
}

// objectVerbs need an object to be a create: a bare Run or Start names a
// loop or a lifecycle, RunJob and StartBuild make something.
var objectVerbs = map[string]bool{"run": true, "start": true, "issue": true, "order": true, "book": true, "copy": true}

// streamNouns are path words of endpoints that take a stream of entries.
var streamNouns = map[string]bool{
	"event": true, "events": true, "message": true, "messages": true, "log": true, "logs": true, "trace": true,
	"traces": true, "span": true, "spans": true, "metric": true, "metrics": true, "batch": true, "bulk": true,
	"ingest": true, "track": true, "notification": true, "notifications": true, "notify": true, "webhook": true,
	"webhooks": true, "publish": true, "send": true, "alert": true, "alerts": true, "capture": true,
	"collect": true, "append": true, "push": true, "beacon": true,
}

// actionWords end paths (or start names) of operations on existing state.
var actionWords = map[string]bool{
	"cancel": true, "merge": true, "complete": true, "approve": true, "close": true, "reopen": true,
	"process": true, "retry": true, "restart": true, "stop": true, "start": true, "trim": true, "regenerate": true,
	"rotate": true, "reset": true, "sync": true, "refresh": true, "revoke": true, "logout": true, "login": true,
	"token": true, "auth": true, "authorize": true, "lock": true, "unlock": true, "enable": true, "disable": true,
	"archive": true, "unarchive": true, "resume": true, "pause": true, "suspend": true, "move": true,
	"rename": true, "assign": true, "unassign": true, "attach": true, "detach": true, "update": true,
	"set": true, "delete": true, "remove": true, "patch": true, "replace": true, "validate": true,
	"verify": true, "check": true, "preview": true, "render": true, "estimate": true,
	"search": true, "query": true, "find": true, "list": true, "get": true, "read": true, "lookup": true,
	"describe": true, "count": true, "download": true, "acknowledge": true, "ack": true,
	"heartbeat": true, "renew": true, "extend": true, "release": true, "finalize": true, "commit": true,
	"abort": true, "expire": true, "invalidate": true, "purge": true, "clear": true, "wait": true, "poll": true,
}

// genericNames are function names that do not say what a request does: a
// generic sender, a worker loop.
var genericNames = map[string]bool{
	"do": true, "call": true, "request": true, "exec": true, "execute": true, "invoke": true, "run": true,
	"process": true, "handle": true, "loop": true, "worker": true, "main": true, "send": true, "post": true,
	"perform": true, "roundtrip": true, "fetch": true, "try": true, "attempt": true, "with": true,
}

// JudgePurpose says what op is for. fn is the operation's function: the
// function called (call is its call) when op is a call of a function that
// writes, else the function the write is written in (call is nil). When
// fn's name says nothing (a generic post helper), encl, the function the
// call is written in, may (CreateContact calling c.post).
func (c *Classifier) JudgePurpose(op Op, fn *types.Func, call *ast.CallExpr, encl *types.Func) Judgement {
	if p, ok := inherentPurpose[op.Primitive()]; ok {
		if p == PurposeCreate && op.Kind == KindCall && fn != nil && !genericName(fn.Name()) && namesWhatItMakes(fn) {
			// A store's CreateSchedule(ctx, s) inserting s.Name: the
			// helper's name and parameters say what the row is keyed by.
			if name := c.createdUnder(fn, call); name != "" {
				return Judgement{Purpose: PurposeNamedCreate, Name: name}
			}
		}
		return Judgement{Purpose: p}
	}
	method, path, _ := strings.Cut(op.WriteDesc(), " ")
	if (fn == nil || genericName(fn.Name())) && encl != nil && !genericName(encl.Name()) {
		fn, call = encl, nil
	}
	p, decided := namePurpose(fn)
	if !decided && encl != nil && senderMethod(encl) {
		p, decided = PurposeSend, true // a Notifier's send through a generic client's Do
	}
	switch {
	case method == "PATCH" || method == "PUT" || method == "DELETE":
		if p != PurposeSend && (p != PurposeCreate || method == "DELETE") {
			return Judgement{Name: method + " update"}
		}
		return Judgement{Purpose: PurposeSend} // named for adding to what exists: AddStock, AppendRows
	case !decided:
		p = pathPurpose(path)
	}
	if p != PurposeCreate {
		return Judgement{Purpose: p}
	}
	if name := c.createdUnder(fn, call); name != "" && namesWhatItMakes(fn) {
		return Judgement{Purpose: PurposeNamedCreate, Name: name}
	}
	return Judgement{Purpose: PurposeCreate}
}

// namePurpose reads the verb of an operation's name: its first word, or
// its last for names that put the noun first (JobsCreate). decided is
// false when the name says nothing (a generic sender, an unknown verb).
func namePurpose(fn *types.Func) (p Purpose, decided bool) {
	if fn == nil {
		return PurposeUnknown, false
	}
	if genericName(fn.Name()) {
		if senderMethod(fn) {
			return PurposeSend, true
		}
		return PurposeUnknown, false
	}
	if _, safe := leadingVerb(fn.Name()); safe {
		return PurposeUnknown, true // CreateOrUpdate, SendAcks
	}
	words := lowerWords(fn.Name())
	if len(words) > 1 && auxVerbs[words[0]] {
		words = words[1:] // CallCreateLease, doSendEvents
	}
	for _, v := range []string{words[0], words[len(words)-1]} {
		switch {
		case sendVerbs[v] && !(len(words) > 1 && (signalWords[words[1]] || actionWords[words[1]])):
			return PurposeSend, true
		case createVerbs[v] && (!objectVerbs[v] || len(words) > 1):
			return PurposeCreate, true
		case actionWords[v]:
			return PurposeUnknown, true
		}
	}
	return PurposeUnknown, false
}

// senderMethod reports whether fn is a method of a type named for sending
// (LineSender, Notifier, EventExporter): whatever its name, what it sends
// is a send.
func senderMethod(fn *types.Func) bool {
	if fn == nil || fn.Signature().Recv() == nil {
		return false
	}
	n, ok := types.Unalias(deref(fn.Signature().Recv().Type())).(*types.Named)
	if !ok {
		return false
	}
	words := lowerWords(n.Obj().Name())
	return len(words) > 0 && senderNouns[words[len(words)-1]]
}

// genericName reports whether a function's name says nothing about the
// request it sends (do, sendRequest, postJSON, a worker's loop): its path
// may.
func genericName(name string) bool {
	words := lowerWords(name)
	if len(words) == 0 {
		return true
	}
	if genericNames[words[0]] && (len(words) == 1 || allWords(words[1:], genericTails)) {
		return true
	}
	if len(words) == 1 && objectVerbs[words[0]] {
		return true // a bare Run or Start: a loop or a lifecycle
	}
	if len(words) > 1 && auxVerbs[words[0]] {
		words = words[1:] // CallCreateLease
	}
	for _, v := range []string{words[0], words[len(words)-1]} {
		if sendVerbs[v] || createVerbs[v] || actionWords[v] {
			return false
		}
	}
	return true
}

// auxVerbs come before the verb that says what a call does:
// CallCreateLease, doSendEvents, tryInsert.
var auxVerbs = map[string]bool{
	"call": true, "do": true, "exec": true, "execute": true, "invoke": true, "perform": true, "try": true, "attempt": true,
}

// genericTails are the words after a generic verb that keep it generic:
// sendRequest, postJSON, doWithRetry.
var genericTails = map[string]bool{
	"request": true, "json": true, "req": true, "http": true, "form": true, "with": true, "retry": true,
	"retries": true, "once": true, "no": true, "raw": true, "api": true, "call": true, "body": true, "data": true,
}

// allWords reports whether every word is in set.
func allWords(words []string, set map[string]bool) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}

// pathPurpose reads a request path: a stream endpoint (/v1/events,
// /api/logs/push) takes sends, a POST to a collection (/v2/monitors)
// creates, one ending in an action (/pull-requests/{…}/merge) acts.
func pathPurpose(path string) Purpose {
	if path == "" || path == "request" {
		return PurposeUnknown
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
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
	words := lowerWords(strings.NewReplacer("-", "_", ".", "_", ":", "_").Replace(last))
	switch {
	case anyWord(words, actionWords):
		return PurposeUnknown
	case anyWord(words, streamNouns):
		return PurposeSend
	case last == "_doc":
		return PurposeCreate // a search index's document with an id it assigns
	case !lastIsParam && strings.HasSuffix(last, "s") && len(last) > 3:
		return PurposeCreate // a POST to a collection
	}
	return PurposeUnknown
}

// lowerWords splits a name into lower-case words.
func lowerWords(name string) []string {
	words := SplitWords(name)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

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
	words := lowerWords(fn.Name())
	return namingVerbs[words[0]] || namingVerbs[words[len(words)-1]]
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
	if call != nil {
		if c.callerNamedCreate(call, fn) {
			return identityLabel(fn, noun)
		}
		return "" // the arguments are in sight: a fresh name is no key
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if scalar(deref(p.Type())) && identityName(p.Name(), noun) {
			return p.Name()
		}
		if f := identityField(p.Type(), noun); f != "" {
			return f
		}
	}
	return ""
}

// identityLabel names what the call's arguments name the thing by: the
// first identity-named parameter, or "name".
func identityLabel(fn *types.Func, noun []string) string {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if p := params.At(i); identityName(p.Name(), noun) {
			return p.Name()
		}
		if f := identityField(params.At(i).Type(), noun); f != "" {
			return f
		}
	}
	return "name"
}

// identityField returns the string field of a request struct that names
// the created thing (Name, Slug, Email for a user), or "". An ID field
// of a type does not count: a resource type passed to its create
// usually leaves it to the server to fill.
func identityField(t types.Type, noun []string) string {
	st, ok := derefStruct(t)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !scalar(deref(f.Type())) || !identityName(f.Name(), noun) {
			continue
		}
		if !idWords[lastWord(f.Name())] {
			return f.Name()
		}
	}
	return ""
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
	for _, w := range lowerWords(n.Obj().Name()) {
		switch w {
		case "service", "client", "api", "resource", "resources", "impl", "store", "repo", "repository":
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
