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
// with a field Method (a string, an integer type named for a method, or a
// method descriptor), promoted fields included.
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
	if methodDescriptor(f.Type()) {
		return true
	}
	b, ok := f.Type().Underlying().(*types.Basic)
	return ok && (b.Info()&types.IsString != 0 || b.Info()&types.IsInteger != 0 && namedForMethod(f.Type()))
}

// methodDescriptor reports whether t is a struct that identifies a remote
// method, as capability-RPC transports describe a call (a Method of
// InterfaceID, MethodID, MethodName): one of its fields is a MethodName
// or Name string, or a MethodID integer. The transport's Send sends
// whichever method it is handed, reads and writes alike.
func methodDescriptor(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		b, ok := f.Type().Underlying().(*types.Basic)
		if !ok {
			continue
		}
		switch f.Name() {
		case "MethodName", "Name":
			if b.Info()&types.IsString != 0 {
				return true
			}
		case "MethodID", "MethodId":
			if b.Info()&types.IsInteger != 0 {
				return true
			}
		}
	}
	return false
}
