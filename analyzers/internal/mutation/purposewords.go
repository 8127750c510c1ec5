package mutation

import (
	"go/types"
	"strings"
)

// The words that say what a write is for (JudgePurpose): verbs of
// operation names, nouns of sender types, path words of stream endpoints,
// and the actions and generic names that say no such thing.

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

// setNouns are things a resource carries as a set keyed by name, and
// associations keyed by the two things they join: adding the same tag,
// label, member or relationship tuple (an authorization warrant), or
// binding an app to a service (or associating two resources) again,
// leaves the set as it was or is refused as already bound.
var setNouns = map[string]bool{
	"tag": true, "tags": true, "label": true, "labels": true,
	"member": true, "members": true, "membership": true, "memberships": true,
	"warrant": true, "warrants": true, "relationship": true, "relationships": true, "tuple": true, "tuples": true,
	"binding": true, "bindings": true, "association": true, "associations": true,
}

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
	"process": true, "retry": true, "restart": true, "reload": true, "stop": true, "start": true, "trim": true, "regenerate": true,
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
	"shutdown": true, "mark": true, "recheck": true, "ban": true, "unban": true, "restore": true,
	// Waking a device (a vehicle's wake_up, a host's wakeup) asks for a
	// state: a repeat finds it awake or waking.
	"wake": true, "wakeup": true,
	// Acquiring or claiming takes existing things (jobs, a lease) for the
	// caller: a repeat by the same caller finds them taken by it.
	"acquire": true, "claim": true,
	// A checkpoint saves how far something got (a run's steps, an
	// offset): saving the same progress again leaves it as it was.
	"checkpoint": true,
	// Swapping, rolling back or reverting puts existing things into a
	// state the caller names: a repeat finds it reached.
	"swap": true, "rollback": true, "revert": true, "undo": true,
}

// connectVerbs name the opening of a connection or session (a realtime
// API's rtm.connect, a startAndDial): the server hands out an endpoint or
// a session, and opening another one duplicates nothing.
var connectVerbs = map[string]bool{"connect": true, "reconnect": true, "dial": true, "redial": true, "handshake": true}

// isAction reports whether a word names an operation on existing state,
// opening a connection included.
func isAction(w string) bool { return actionWords[w] || connectVerbs[w] }

// anyAction reports whether any of words is an action.
func anyAction(words []string) bool {
	return anyWord(words, actionWords) || anyWord(words, connectVerbs)
}

// genericNames are function names that do not say what a request does: a
// generic sender, a worker loop.
var genericNames = map[string]bool{
	"do": true, "call": true, "request": true, "exec": true, "execute": true, "invoke": true, "run": true,
	"process": true, "handle": true, "loop": true, "worker": true, "main": true, "send": true, "post": true,
	"perform": true, "roundtrip": true, "fetch": true, "try": true, "attempt": true, "with": true,
}

// namePurpose reads the verb of an operation's name: its first word, or
// its last for names that put the noun first (JobsCreate). decided is
// false when the name says nothing (a generic sender, an unknown verb).
func namePurpose(fn *types.Func) (p Purpose, decided bool) {
	if fn == nil {
		return PurposeUnknown, false
	}
	if genericName(fn.Name()) {
		if sendsByName(fn) {
			return PurposeSend, true
		}
		return PurposeUnknown, false
	}
	return operationPurpose(fn.Name())
}

// operationPurpose reads the verb of an operation's name (a function's, a
// GraphQL mutation field's): its first word, or its last for names that
// put the noun first (JobsCreate). decided is false when it says nothing.
func operationPurpose(name string) (p Purpose, decided bool) {
	if _, safe := leadingVerb(name); safe {
		return PurposeUnknown, true // CreateOrUpdate, SendAcks
	}
	words := opWords(name)
	if len(words) == 0 {
		return PurposeUnknown, false
	}
	if anyWord(words, connectVerbs) {
		return PurposeUnknown, true // startRTMAndDial, connectSession: a session opened again
	}
	if createVerbs[words[0]] && (anyWord(words[1:], setNouns) || roleAssignment(words[1:])) {
		return PurposeUnknown, true // CreateTags, AddLabels: a repeat sets the same keys
	}
	for _, v := range []string{words[0], words[len(words)-1]} {
		switch {
		case sendVerbs[v] && !(len(words) > 1 && (signalWords[words[1]] || isAction(words[1]))):
			return PurposeSend, true
		case createVerbs[v] && (!objectVerbs[v] || len(words) > 1):
			return PurposeCreate, true
		case isAction(v):
			return PurposeUnknown, true
		}
	}
	return PurposeUnknown, false
}

// sendsByName reports whether a function with a generic name still says
// it sends: a method of a sender type, or a doSend/doPost that is given
// what to send, not where (a transport's doSend(body, retriesLeft)); one
// taking the path or URL (doPostAPI(baseURL, path, …)) is a generic
// poster whose callers say what it posts.
func sendsByName(fn *types.Func) bool {
	if senderMethod(fn) {
		return true
	}
	words := nameWords(fn.Name())
	if len(words) != 2 || !auxVerbs[words[0]] || !sendVerbs[words[1]] {
		return false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		name := strings.ToLower(params.At(i).Name())
		for _, w := range []string{"path", "url", "uri", "endpoint", "route"} {
			if strings.Contains(name, w) {
				return false
			}
		}
	}
	return true
}

// sendsMessage reports whether a function with a generic sending name
// (Send, SendWithRetry, post) is given a message to send: a parameter of a
// type named for one (*Message, []Notification, Event). What it is given
// says what the generic name does not.
func sendsMessage(fn *types.Func) bool {
	words := nameWords(fn.Name())
	if len(words) == 0 || !sendVerbs[words[0]] {
		return false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		t := deref(params.At(i).Type())
		if sl, ok := types.Unalias(t).Underlying().(*types.Slice); ok {
			t = deref(sl.Elem())
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok {
			continue
		}
		tw := nameWords(n.Obj().Name())
		if len(tw) > 0 && messageNouns[tw[len(tw)-1]] {
			return true
		}
	}
	return false
}

// messageNouns end the names of types that are sent as they are: a
// message, a notification, an event, an alert, an e-mail.
var messageNouns = map[string]bool{"message": true, "notification": true, "event": true, "alert": true, "email": true, "mail": true}

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
	words := nameWords(n.Obj().Name())
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if genericTypeNouns[last] && n.Obj().Pkg() != nil {
		// A webhook package's client.Send: the package says what the
		// type's generic name does not.
		pkg := nameWords(n.Obj().Pkg().Name())
		return len(pkg) > 0 && (senderNouns[pkg[len(pkg)-1]] || sendVerbs[pkg[len(pkg)-1]])
	}
	return senderNouns[last]
}

// genericTypeNouns end the names of types that say nothing of what they
// do beyond holding a connection (a webhook package's client).
var genericTypeNouns = map[string]bool{"client": true, "impl": true, "service": true, "provider": true, "backend": true}

// genericName reports whether a function's name says nothing about the
// request it sends (do, sendRequest, postJSON, a worker's loop): its path
// may.
func genericName(name string) bool {
	words := opWords(name)
	if len(words) == 0 {
		return true
	}
	if genericNames[words[0]] && (len(words) == 1 || genericTail(words[1:])) {
		return true
	}
	if genericNames[words[0]] && len(words) > 1 && httpMethodWords[words[1]] {
		return true // SendPostLeaveBodyOpen, doGetWithHeaders: how it sends, not what
	}
	if genericNames[words[0]] && len(words) > 1 && requestWords[words[1]] {
		return true // sendRequestMachines, doAPIVolumes: a request to an API area, whatever it asks
	}
	if genericNames[words[0]] && len(words) > 1 && commandWords[words[len(words)-1]] {
		return true // sendFleetCommand, SendFleetAPICommand: whatever command its caller's path names
	}
	if len(words) > 1 && genericTails[words[0]] && genericTail(words[1:]) {
		return true // httpPost, apiRequest: the transport and the method, not what is sent
	}
	if builderVerbs[words[0]] && len(words) > 1 && genericTail(words[1:]) {
		return true // newHTTPRequest, buildRequest: builds whatever its caller asks for
	}
	if len(words) == 1 && objectVerbs[words[0]] {
		return true // a bare Run or Start: a loop or a lifecycle
	}
	for _, v := range []string{words[0], words[len(words)-1]} {
		if sendVerbs[v] || createVerbs[v] || isAction(v) {
			return false
		}
	}
	return true
}

// requestWords after a generic verb make a generic sender whatever
// follows: the rest names the API it sends to, not what it asks.
var requestWords = map[string]bool{"request": true, "req": true, "api": true}

// commandWords ending a generic sender's name make it a sender of any
// command: the command is the path's or the message's, not the name's.
var commandWords = map[string]bool{"command": true, "cmd": true}

// auxVerbs come before the verb that says what a call does:
// CallCreateLease, doSendEvents, tryInsert.
var auxVerbs = map[string]bool{
	"call": true, "do": true, "exec": true, "execute": true, "invoke": true, "perform": true, "try": true, "attempt": true,
}

// builderVerbs start the names of request builders (newHTTPRequest,
// buildRequest, makeRequest): "new" there makes a request value, not a
// remote thing, so the name says nothing about what the request does.
var builderVerbs = map[string]bool{"new": true, "build": true, "make": true, "prepare": true}

// genericTails are the words after a generic verb that keep it generic
// (sendRequest, postJSON, doWithRetry), with httpMethodWords.
var genericTails = map[string]bool{
	"request": true, "json": true, "req": true, "http": true, "form": true, "with": true, "retry": true, "ctx": true, "context": true,
	"retries": true, "once": true, "no": true, "raw": true, "api": true, "call": true, "body": true, "data": true,
}

// httpMethodWords are the HTTP methods as name words. They keep a generic
// verb generic too (SendPost, doGet, newPostRequest): such a function sends
// whatever it is given.
var httpMethodWords = map[string]bool{"post": true, "put": true, "patch": true, "get": true, "delete": true, "head": true}

// genericTail reports whether every word keeps a generic verb generic.
func genericTail(words []string) bool {
	for _, w := range words {
		if !genericTails[w] && !httpMethodWords[w] {
			return false
		}
	}
	return true
}

// opWords are the lower-case words of an operation's name without an
// auxiliary verb before the one that says what it does: CallCreateLease
// → [create lease], doPostAPI → [post api].
func opWords(name string) []string {
	words := nameWords(name)
	if len(words) > 1 && contextWords[words[len(words)-1]] {
		words = words[:len(words)-1] // CreateTagsCtx, postCtx: the variant taking a context
	}
	if len(words) > 1 && auxVerbs[words[0]] {
		return words[1:]
	}
	return words
}

// contextWords end the names of the variants of an operation that take a
// context (ShutdownCtx, AddTagsContext): they say how it is called, not
// what it does.
var contextWords = map[string]bool{"ctx": true, "context": true}

// releaseNouns are resources that are published as versions or made public,
// not sent: PublishFunction, PublishLayerVersion, PublishRelease.
var releaseNouns = map[string]bool{
	"function": true, "version": true, "layer": true, "release": true, "package": true, "app": true,
	"application": true, "site": true, "page": true, "draft": true, "article": true, "template": true,
	"extension": true, "plugin": true, "module": true, "artifact": true, "schema": true, "policy": true,
	"revision": true, "bundle": true, "chart": true, "theme": true, "document": true, "model": true,
}

// publishedResource returns the resource a function named like a publish
// of a resource publishes ("a function" for PublishFunction, "an app"), or
// "": a publish of a message, an event or a batch, or a bare Publish, sends.
// A publish of a thing the caller names by its id
// (PublishFloorPlansAutoLocateJob(networkID, jobID, …)) publishes that
// existing thing, whatever its noun: a message has no id before it is sent.
func publishedResource(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	words := opWords(fn.Name())
	if len(words) < 2 || words[0] != "publish" {
		return ""
	}
	if releaseNouns[words[1]] {
		return article(words[1]) + " " + words[1]
	}
	if obj := words[len(words)-1]; !streamNouns[obj] && hasIDParam(fn, obj) {
		return "the " + obj + " its " + obj + " id names"
	}
	return ""
}

// hasIDParam reports whether fn takes the id of a noun (jobID for job).
func hasIDParam(fn *types.Func, noun string) bool {
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		w := nameWords(params.At(i).Name())
		if len(w) == 2 && singular(w[0]) == singular(noun) && idWords[w[1]] {
			return true
		}
	}
	return false
}

// partNouns name a piece of a larger upload.
var partNouns = map[string]bool{"part": true, "slice": true, "chunk": true, "block": true, "segment": true, "piece": true, "fragment": true}

// partUpload reports whether fn is named for uploading one part of a
// larger upload (uploadSlice, doUploadSlice, UploadPart, uploadChunkData):
// the verb upload with a part noun in its object.
func partUpload(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	words := opWords(fn.Name())
	if len(words) < 2 || words[0] != "upload" {
		return false
	}
	for _, w := range words[1:] {
		if partNouns[singular(w)] {
			return true
		}
	}
	return false
}
