package retryscope

import (
	"go/ast"
	"go/types"
)

// Consumers whose broker runs a handler again when it fails. A handler
// registered with go-nsq's Consumer returns an error to have its message
// requeued, and nsqd delivers it again (5 attempts by default); an asynq
// handler's error makes the server retry the task (25 times by default).
// The handler is then retried like a func passed to a retry library: a
// write it made before failing — a POST whose reply timed out — is made
// again on the next delivery.

// redeliverer is a method that registers a handler its framework runs
// again after an error.
type redeliverer struct {
	pkg, recv, method string
	// arg is the index of the handler argument.
	arg int
	// handle is the method of a handler value that the framework calls.
	handle    string
	mechanism string
}

var redeliverers = []redeliverer{
	{"github.com/nsqio/go-nsq", "Consumer", "AddHandler", 0, "HandleMessage",
		"go-nsq Consumer.AddHandler (a message whose handler returns an error is requeued and delivered again)"},
	{"github.com/nsqio/go-nsq", "Consumer", "AddConcurrentHandlers", 0, "HandleMessage",
		"go-nsq Consumer.AddConcurrentHandlers (a message whose handler returns an error is requeued and delivered again)"},
	{"github.com/hibiken/asynq", "ServeMux", "HandleFunc", 1, "ProcessTask",
		"asynq ServeMux.HandleFunc (a task whose handler returns an error is retried, 25 times by default)"},
	{"github.com/hibiken/asynq", "ServeMux", "Handle", 1, "ProcessTask",
		"asynq ServeMux.Handle (a task whose handler returns an error is retried, 25 times by default)"},
	{"github.com/hibiken/asynq", "Server", "Run", 0, "ProcessTask",
		"asynq Server.Run (a task whose handler returns an error is retried, 25 times by default)"},
	{"github.com/hibiken/asynq", "Server", "Start", 0, "ProcessTask",
		"asynq Server.Start (a task whose handler returns an error is retried, 25 times by default)"},
}

// lookupRedeliverer finds the method fn in the table.
func lookupRedeliverer(fn *types.Func) (redeliverer, bool) {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil {
		return redeliverer{}, false
	}
	n := namedOf(recv.Type())
	if n == nil {
		return redeliverer{}, false
	}
	for _, r := range redeliverers {
		if r.method == fn.Name() && r.recv == n.Obj().Name() && r.pkg == unvendor(fn.Pkg().Path()) {
			return r, true
		}
	}
	return redeliverer{}, false
}

// addHandlerScopes adds the scope of the handler a redeliverer's call
// registers: a func (also converted to the framework's HandlerFunc type),
// or a value of a concrete type whose handle method the framework calls.
// A handler held in an interface is unknown and adds nothing.
func (w *walk) addHandlerScopes(r redeliverer, call *ast.CallExpr) {
	if r.arg >= len(call.Args) {
		return
	}
	arg := unconvert(w.info, call.Args[r.arg])
	t := w.info.TypeOf(arg)
	if t == nil {
		return
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		w.addArgScopes(KindLibrary, r.mechanism, call, arg, Helper{})
		return
	}
	if types.IsInterface(t) {
		return
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, w.f.pass.Pkg, r.handle)
	m, ok := obj.(*types.Func)
	if !ok {
		return
	}
	w.scopes = append(w.scopes, &Scope{Kind: KindLibrary, Mechanism: r.mechanism, Pos: call.Pos(), Param: -1,
		Encl: w.decl, Func: m, Arg: call.Args[r.arg]})
}

// unconvert strips conversions to a named func type (nsq.HandlerFunc(f)).
func unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[c.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = c.Args[0]
	}
}
