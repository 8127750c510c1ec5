package mutation

import (
	"go/ast"
	"strings"
)

// SDK methods that send through a generic retrying sender. An SDK built on
// one generic Do (or a helper that owns the retry and takes the method from
// its caller) has one method per API operation, and the method's name is
// the best evidence of what the POST or PATCH does: FacetSearch reads,
// UpdateSettings or SetLabels replaces a state (a repeat leaves the same
// state), Compact or Refresh asks for work that is harmless twice. Those
// stay silent; a name that says it creates, adds or sends keeps the write
// whatever its first word. The body speaks before the name
// (GenericSendQuietCall): a read path or a set-only PATCH is silenced
// earlier (postReads), and a payload that appends, increments or carries an
// operation code keeps the write whatever the name says (PatchList sending
// {append: […]}).

// stateWords in a name say the operation sets a state: repeating it with
// the same arguments leaves the same state.
var stateWords = map[string]bool{
	"update": true, "set": true, "edit": true, "modify": true, "rename": true, "patch": true, "replace": true,
	"configure": true, "enable": true, "disable": true, "toggle": true, "reset": true, "compact": true,
	"refresh": true, "sync": true, "resize": true, "move": true, "assign": true, "unassign": true,
	// State transitions: a second request finds the state already reached
	// (or is refused).
	"attach": true, "detach": true, "halt": true, "start": true, "stop": true, "pause": true, "resume": true, "suspend": true,
	"restore": true, "upgrade": true, "downgrade": true, "default": true, "activate": true, "deactivate": true,
	// Removals: a second one finds nothing left to remove.
	"delete": true, "remove": true, "cancel": true, "purge": true, "clear": true,
}

// renderWords in a name say the operation computes a result from its
// input and stores nothing (a template rendered, a completion generated).
var renderWords = map[string]bool{"render": true, "completion": true, "preview": true, "validate": true}

// createWords anywhere in a name keep a write: the operation adds
// something each time it runs.
var createWords = map[string]bool{
	"create": true, "add": true, "new": true, "append": true, "insert": true, "increment": true, "push": true,
	"send": true, "post": true, "publish": true, "enqueue": true, "submit": true, "charge": true, "pay": true,
	"transfer": true, "import": true, "copy": true, "clone": true, "duplicate": true, "generate": true,
}

// GenericSendQuiet reports whether a write sent by the SDK method name
// through a generic retrying sender is, by the method's name, a read or a
// state change that is safe to repeat.
func GenericSendQuiet(name string) bool {
	words := nameWords(operationName(name))
	if len(words) == 0 {
		return false
	}
	if startsRun(words) {
		return false
	}
	read, state := false, false
	for _, w := range words {
		if createWords[w] || writeWords[w] && !stateWords[w] {
			return false
		}
		read = read || readWords[w] || renderWords[w]
		state = state || stateWords[w]
	}
	return read || state
}

// runNouns name things an API makes a new one of each time it is asked to
// start one: a job, a build, an execution of a workflow, an export.
var runNouns = map[string]bool{
	"job": true, "jobs": true, "build": true, "builds": true, "run": true, "runs": true, "execution": true,
	"executions": true, "workflow": true, "workflows": true, "pipeline": true, "pipelines": true, "task": true,
	"tasks": true, "batch": true, "scan": true, "export": true, "backup": true, "snapshot": true,
	"migration": true, "replication": true,
}

// startsRun reports whether a name starting with a transition word asks
// for a new run rather than moving an existing resource: StartBatchJob,
// StartExecution and StartExport each make one more job, where
// StartInstance and StopServer move a machine that exists to a state a
// repeat finds reached.
func startsRun(words []string) bool {
	if len(words) < 2 || words[0] != "start" {
		return false
	}
	for _, w := range words[1:] {
		if runNouns[w] {
			return true
		}
	}
	return false
}

// GenericSendQuietCall judges a write op, sent by call in the SDK method
// decl, through a generic retrying sender: the payload call carries first
// (one that adds is a write whatever the method is called), the method's
// name only when the body cannot tell (GenericSendQuiet, finishesMember).
func (c *Classifier) GenericSendQuietCall(call *ast.CallExpr, op Op, decl *ast.FuncDecl) bool {
	if op.Primitive() != KindHTTP {
		return false
	}
	if c.payload(call) == shapeAdds || c.calleeNamesAdd(call) {
		return false // the payload, or the sender's own name (SendUsage), says it adds
	}
	return GenericSendQuiet(decl.Name.Name) || finishesMember(decl)
}

// finishWords name the end of a multi-step operation: completing an
// upload session, finishing a task.
var finishWords = map[string]bool{"complete": true, "finish": true}

// finishesMember reports whether an SDK method moves one existing resource,
// named by the id its caller holds, to a final state: its name starts with
// a finishing or transition word and ends in a noun that a parameter is
// the id of (CompleteMultipartUpload(ctx, name, uploadID string, …),
// ConfirmPayment(ctx, paymentID)). The id comes from the step that
// created the resource; a repeat finds the state reached, or no such
// resource any more, and makes nothing new.
func finishesMember(decl *ast.FuncDecl) bool {
	words := nameWords(operationName(decl.Name.Name))
	if len(words) < 2 || !finishWords[words[0]] && !transitionWords[words[0]] {
		return false
	}
	noun := words[len(words)-1]
	for _, field := range decl.Type.Params.List {
		for _, p := range field.Names {
			pw := nameWords(p.Name)
			if len(pw) == 2 && pw[0] == noun && pw[1] == "id" {
				return true
			}
		}
	}
	return false
}

// setVerbs start the names of operations that assign a state
// (setPrimaryStatus, UpdateSettings, EnableFeature): sent twice with the
// same values, they leave the state as sent once.
// Modify and toggle are left out: a modification can be relative
// (find-and-modify increments) and a toggle sent twice undoes itself.
var setVerbs = map[string]bool{
	"set": true, "update": true, "replace": true, "edit": true, "rename": true,
	"configure": true, "enable": true, "disable": true, "reset": true,
}

// SetName reports whether a function's name says it assigns a state: its
// first word is a set verb and no word adds or sends (updateOrCreate,
// setAndIncrement, UpdateAndNotify stay writes).
func SetName(name string) bool {
	words := nameWords(operationName(name))
	if len(words) == 0 || !setVerbs[words[0]] {
		return false
	}
	return !addsWords(words)
}

// pathAdds reports whether the last segment of a POST's path names an
// operation that adds or acts (/events:append, /api/find-and-modify,
// /counters/increment): the path speaks before the sender's name.
func pathAdds(path string) bool {
	_, last := splitLastSegment(path)
	words := nameWords(strings.ReplaceAll(last, ":", " "))
	if addsWords(words) {
		return true
	}
	for _, w := range words {
		if w == "modify" {
			return true // find-and-modify, modify-balance: may be relative
		}
	}
	return false
}

// addsWords reports whether a word of a name or path segment adds, sends
// or acts (create, append, notify, increment); state words (update, set,
// delete) do not count.
func addsWords(words []string) bool {
	for _, w := range words {
		if createWords[w] || writeWords[w] && !stateWords[w] || MutatingVerb(w) != "" {
			return true
		}
	}
	return false
}
