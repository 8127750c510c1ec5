package mutation

import (
	"go/types"
	"strings"
)

// Judging by the body, not the name. A function whose body was analyzed
// (this package's, or one of a package the model summarised) is judged by
// its FuncFact alone: no fact means "analyzed, nothing mutating". The verb
// heuristic is kept for calls with no body to look at — interface methods
// whose implementations are not all known (a concrete function of a
// package without facts is unknown: silent) — and for concrete bodies that
// make a remote call of a kind the classifier cannot tell
// (FuncFact.Remote: an HTTP request whose method is unknown, a gRPC
// Invoke, a remote-looking interface call), where the name is the best
// evidence left. An interface method whose implementations are known is
// judged by them alone (implementations.go): one that cannot be told
// leaves the call unknown, and unknown is silent.

// KnowBodies tells the classifier which packages were analyzed from source
// with their facts exported (the model's package fact): a concrete
// function of such a package without a FuncFact writes nothing. Without
// it only this package's bodies count as known.
func (c *Classifier) KnowBodies(analyzed func(*types.Package) bool) {
	c.analyzed = analyzed
}

// bodyKnown reports whether fn has a body that was summarised: a concrete
// function of this package or of an analyzed package.
func (c *Classifier) bodyKnown(fn *types.Func) bool {
	if isInterfaceMethod(fn) || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return true
	}
	return c.analyzed != nil && c.analyzed(fn.Pkg())
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// noteRemote records, while summarising, that the body makes a remote call
// whose kind is unknown, so that callers judge the function by its name.
func (c *Classifier) noteRemote() {
	c.noteParam(func(f *FuncFact) { f.Remote = true })
}

// opaqueRemote reports whether a call that is not a write is nevertheless a
// remote call of unknown kind: a gRPC Invoke/NewStream, or a method with no
// body to see (an interface method, a function of a package without facts)
// that takes a context.Context, outside the standard library and the quiet
// packages.
func (c *Classifier) opaqueRemote(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	if path == "google.golang.org/grpc" && (fn.Name() == "Invoke" || fn.Name() == "NewStream") {
		return true
	}
	if c.bodyKnown(fn) || IsStd(path) || quietPackage(path) {
		return false
	}
	if isInterfaceMethod(fn) {
		if remote, known := c.implementationsRemote(fn); known {
			return remote // judged by the bodies behind it
		}
	}
	return takesContext(fn.Signature())
}

func quietPackage(path string) bool { return hasAnyPrefix(path, quietPackages) }

func takesContext(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isNamed(sig.Params().At(i).Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// inMemoryEncoder reports whether sig takes a byte slice and returns one
// among its results: AppendQuery(fmter, b []byte) ([]byte, error),
// AppendNumber(b []byte, n float64) []byte, AppendBatch(dst []byte, max,
// size int) (int, []byte, error). Such a method writes into the buffer it
// is given and hands it back, whatever its name says; a remote call has no
// reason to return the caller's buffer.
func inMemoryEncoder(sig *types.Signature) bool {
	return hasByteSlice(sig.Params()) && hasByteSlice(sig.Results())
}

// requestBuilder reports whether sig, with no context to send under,
// returns a request value first (InsertRequest(coll) (*pb.InsertRequest,
// error)): the method builds the request a later call sends, whatever verb
// its name starts with.
func requestBuilder(sig *types.Signature) bool {
	if takesContext(sig) || sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(n.Obj().Name(), "Request")
}

func hasByteSlice(vars *types.Tuple) bool {
	for i := 0; i < vars.Len(); i++ {
		if isByteSlice(vars.At(i).Type()) {
			return true
		}
	}
	return false
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// localRegistration reports whether a Register… call hands over a callback
// (a func value or an interface such as a listener or handler) without a
// context: it records the callback in the process, it does not call a
// remote registry.
func localRegistration(verb string, sig *types.Signature) bool {
	if verb != "Register" || takesContext(sig) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		switch sig.Params().At(i).Type().Underlying().(type) {
		case *types.Signature, *types.Interface:
			return true
		}
	}
	return false
}

// noteRemoteCall: while summarising, a call that is not a write still
// makes the body remote when its callee's fact says so, or when the callee
// is an opaque remote call.
func (c *Classifier) noteRemoteCall(fn *types.Func, fact *FuncFact) {
	if c.sum == nil {
		return
	}
	if handlerExecutor(fn) || fact != nil && fact.Remote || fact == nil && c.opaqueRemote(fn) {
		c.noteRemote()
	}
}

// handlerExecutors are SDK request executors whose transport is reached
// only through lists of handler funcs: aws-sdk-go's Request.Send runs
// r.Handlers.Send, whose HTTP call no body shows. Every generated
// operation (KMS.CreateGrant: req, out := c.CreateGrantRequest(input);
// return out, req.Send()) ends there, so its name is the evidence left.
// Keyed by package path, then method name.
var handlerExecutors = map[string]string{"github.com/aws/aws-sdk-go/aws/request": "Send"}

// handlerExecutor is called for every call summarised: it compares
// names before it builds anything.
func handlerExecutor(fn *types.Func) bool {
	name, ok := handlerExecutors[pkgPath(fn)]
	return ok && fn.Name() == name && fn.Signature().Recv() != nil
}

func pkgPath(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}
