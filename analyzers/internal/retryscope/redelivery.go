package retryscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Consumers whose broker runs a handler again when it fails. A handler
// registered with go-nsq's Consumer returns an error to have its message
// requeued, and nsqd delivers it again (5 attempts by default); an asynq
// handler's error makes the server retry the task (25 times by default),
// and so does a River worker's (MaxAttempts 25 by default); a Watermill
// router nacks the message of a handler that failed, and its subscriber
// delivers it again. The handler is then retried like a func passed to a retry library: a
// write it made before failing — a POST whose reply timed out — is made
// again on the next delivery.

// redeliverer is a method (or, with no recv, a function) that registers a
// handler its framework runs again after an error.
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
	{"github.com/riverqueue/river", "", "AddWorker", 1, "Work",
		"river.AddWorker (a job whose worker returns an error is retried, 25 attempts by default)"},
	{"github.com/riverqueue/river", "", "AddWorkerSafely", 1, "Work",
		"river.AddWorkerSafely (a job whose worker returns an error is retried, 25 attempts by default)"},
	{"github.com/ThreeDotsLabs/watermill/message", "Router", "AddHandler", 5, "",
		"Watermill Router.AddHandler (a message whose handler returns an error is nacked and delivered again)"},
	{"github.com/ThreeDotsLabs/watermill/message", "Router", "AddConsumerHandler", 3, "",
		"Watermill Router.AddConsumerHandler (a message whose handler returns an error is nacked and delivered again)"},
	{"github.com/ThreeDotsLabs/watermill/message", "Router", "AddNoPublisherHandler", 3, "",
		"Watermill Router.AddNoPublisherHandler (a message whose handler returns an error is nacked and delivered again)"},
}

// lookupRedeliverer finds the function or method fn in the table.
func lookupRedeliverer(fn *types.Func) (redeliverer, bool) {
	if fn.Pkg() == nil {
		return redeliverer{}, false
	}
	recvName := ""
	if recv := fn.Signature().Recv(); recv != nil {
		n := namedOf(recv.Type())
		if n == nil {
			return redeliverer{}, false
		}
		recvName = n.Obj().Name()
	}
	for _, r := range redeliverers {
		if r.method == fn.Name() && r.recv == recvName && r.pkg == unvendor(fn.Pkg().Path()) {
			return r, true
		}
	}
	return redeliverer{}, false
}

// workerAdapters turn a func into a handler value: the func is what runs.
var workerAdapters = map[libKey]bool{{pkg: "github.com/riverqueue/river", name: "WorkFunc"}: true}

// addHandlerScopes adds the scope of the handler a redeliverer's call
// registers: a func (also converted to the framework's HandlerFunc type),
// or a value of a concrete type whose handle method the framework calls.
// A handler held in an interface is unknown and adds nothing.
func (w *walk) addHandlerScopes(r redeliverer, call *ast.CallExpr) {
	if r.arg >= len(call.Args) {
		return
	}
	arg := w.unadapt(unconvert(w.info, call.Args[r.arg]))
	t := w.info.TypeOf(arg)
	if t == nil {
		return
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		w.addArgScopes(KindLibrary, r.mechanism, call, arg, Helper{})
		return
	}
	if types.IsInterface(t) || r.handle == "" {
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

// unadapt returns the func a worker adapter is given (river.WorkFunc(f)),
// or e.
func (w *walk) unadapt(e ast.Expr) ast.Expr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return e
	}
	fn, _ := typeutil.Callee(w.info, c).(*types.Func)
	if fn == nil || fn.Pkg() == nil || !workerAdapters[libKey{pkg: unvendor(fn.Pkg().Path()), name: fn.Name()}] {
		return e
	}
	return c.Args[0]
}
