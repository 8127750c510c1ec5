package mutation

import "go/types"

// Generic senders. A transport method such as SendRequest(ctx, req) or
// SendNotification(ctx, n) sends whatever message it is handed; the
// operation is named by the message itself, in a Method field (a JSON-RPC
// request or notification, an *http.Request, a Kiota RequestInformation
// whose Method is an HttpMethod enum). Its name says nothing about
// a write — reads, cancellations and writes all go through it — so a call
// of one with no body twice can read is unknown, and unknown is silence.
// A sender whose parameters carry no operation name (SendInvitation(ctx,
// email), Publish(ctx, msg)) is still judged by its name.

// envelopeObjects are the objects of a generic sender by name alone:
// SendRequest, SendRPC, SendCall.
var envelopeObjects = map[string]bool{"Request": true, "Req": true, "RPC": true, "Rpc": true, "Call": true}

// genericEnvelope reports whether sig takes a message that names its own
// operation: a parameter (or the value it points to) of a struct type
// with a field Method (a string, or an integer type named for a method),
// promoted fields included.
func genericEnvelope(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if carriesMethod(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func carriesMethod(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, "Method")
	f, ok := obj.(*types.Var)
	if !ok || !f.IsField() {
		return false
	}
	b, ok := f.Type().Underlying().(*types.Basic)
	return ok && (b.Info()&types.IsString != 0 || b.Info()&types.IsInteger != 0 && namedForMethod(f.Type()))
}
