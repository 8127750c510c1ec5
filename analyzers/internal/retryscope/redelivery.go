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
	// arg is the index of the handler argument.
	arg int
	// handle is the method of a handler value that the framework calls.
	handle    string
	mechanism string
}

// consumerFramework lists the calls of one framework that register a
// handler, and why the framework runs it again.
type consumerFramework struct {
	pkg, label, handle, reason string
	registers                  []handlerRegistration
}

// handlerRegistration is a method of recv (a function when recv is "")
// whose argument arg is the handler.
type handlerRegistration struct {
	recv, name string
	arg        int
}

var consumerFrameworks = []consumerFramework{
	{"github.com/nsqio/go-nsq", "go-nsq", "HandleMessage",
		"a message whose handler returns an error is requeued and delivered again",
		[]handlerRegistration{{"Consumer", "AddHandler", 0}, {"Consumer", "AddConcurrentHandlers", 0}}},
	{"github.com/hibiken/asynq", "asynq", "ProcessTask",
		"a task whose handler returns an error is retried, 25 times by default",
		[]handlerRegistration{{"ServeMux", "HandleFunc", 1}, {"ServeMux", "Handle", 1}, {"Server", "Run", 0}, {"Server", "Start", 0}}},
	{"github.com/riverqueue/river", "river", "Work",
		"a job whose worker returns an error is retried, 25 attempts by default",
		[]handlerRegistration{{"", "AddWorker", 1}, {"", "AddWorkerSafely", 1}}},
	{"github.com/ThreeDotsLabs/watermill/message", "Watermill", "",
		"a message whose handler returns an error is nacked and delivered again",
		[]handlerRegistration{{"Router", "AddHandler", 5}, {"Router", "AddConsumerHandler", 3}, {"Router", "AddNoPublisherHandler", 3}}},
}

// redeliveryKey identifies a registering function or method.
type redeliveryKey struct{ pkg, recv, name string }

// redeliverers indexes the registrations of consumerFrameworks; it is
// built once and only read.
var redeliverers = indexRedeliverers()

func indexRedeliverers() map[redeliveryKey]redeliverer {
	m := map[redeliveryKey]redeliverer{}
	for _, f := range consumerFrameworks {
		for _, r := range f.registers {
			name := f.label + "." + r.name // river.AddWorker
			if r.recv != "" {
				name = f.label + " " + r.recv + "." + r.name // asynq ServeMux.HandleFunc
			}
			m[redeliveryKey{f.pkg, r.recv, r.name}] = redeliverer{arg: r.arg, handle: f.handle, mechanism: name + " (" + f.reason + ")"}
		}
	}
	return m
}

// lookupRedeliverer finds the function or method fn among the
// registrations.
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
	r, ok := redeliverers[redeliveryKey{unvendor(fn.Pkg().Path()), recvName, fn.Name()}]
	return r, ok
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
