package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// gRPC client streams. protoc-gen-go-grpc names the client side of a
// streaming RPC <Service>_<Method>Client: an interface that embeds
// grpc.ClientStream (older generators), or an alias of
// grpc.BidiStreamingClient[Req, Res] / grpc.ClientStreamingClient[Req, Res]
// (newer ones). Its Send carries a message of that RPC, so the RPC's name
// says what a Send does, not the word "Send": on a Listen, Watch,
// Subscribe or StreamingPull stream it adds a target or acknowledges
// deliveries — re-opening such a stream after an error and sending the
// target again writes nothing — and on a keep-alive or heartbeat stream
// (LeaseKeepAlive) it renews a TTL (verbphrase.go's protocol signals). Streams of any other RPC (Write, Publish,
// AppendRows) keep the judgement of their Send.

const grpcPath = "google.golang.org/grpc"

// streamReadWords start the names of streaming RPCs that read or
// subscribe, besides the read words of readpost.go.
var streamReadWords = map[string]bool{
	"listen": true, "watch": true, "subscribe": true, "pull": true, "receive": true, "tail": true,
	"follow": true, "observe": true, "monitor": true,
}

// readStream reports whether call sends on the client stream of a
// streaming RPC named like a read, a subscription or a protocol signal.
func (c *Classifier) readStream(call *ast.CallExpr) bool {
	rpc := c.streamRPC(call)
	if rpc == "" {
		return false
	}
	words := nameWords(rpc)
	for len(words) > 1 && (words[0] == "streaming" || words[0] == "stream") {
		words = words[1:] // StreamingPull, StreamListen
	}
	return len(words) > 0 && (streamReadWords[words[0]] || readWords[words[0]] || namesSignal(words))
}

// streamRPC returns the RPC method name of the gRPC client stream that
// call's receiver is (Listen for a Firestore_ListenClient), or "": the
// receiver's type must be named <Service>_<Method>Client and have
// grpc.ClientStream's methods.
func (c *Classifier) streamRPC(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	t := c.info.TypeOf(sel.X)
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if !clientStream(t) {
		return ""
	}
	name := typeObjName(t)
	if i := strings.LastIndexByte(name, '_'); i > 0 && strings.HasSuffix(name, "Client") {
		return strings.TrimSuffix(name[i+1:], "Client")
	}
	return requestRPC(t)
}

// requestRPC names the RPC of a generic stream type whose alias name was
// not kept (grpc.BidiStreamingClient[LeaseKeepAliveRequest, …]) by its
// request type, which the generator names <Method>Request.
func requestRPC(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != grpcPath || n.TypeArgs().Len() == 0 {
		return ""
	}
	req := typeObjName(types.Unalias(n.TypeArgs().At(0)))
	if !strings.HasSuffix(req, "Request") {
		return ""
	}
	return strings.TrimSuffix(req, "Request")
}

// typeObjName is the name t is written with: an alias's own name (the
// generated alias of a generic stream type), else the named type's.
func typeObjName(t types.Type) string {
	switch t := t.(type) {
	case *types.Alias:
		return t.Obj().Name()
	case *types.Named:
		return t.Obj().Name()
	}
	return ""
}

// clientStream reports whether t has grpc.ClientStream's CloseSend,
// declared in the grpc package (embedded, or promoted from it).
func clientStream(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "CloseSend")
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == grpcPath
}

// opensStream reports whether sig returns a gRPC client stream: the call
// opens the stream (Listen, Write, AppendRows returning
// Store_AppendRowsClient), and what it writes, if anything, is sent on it
// (judged at its Send).
func opensStream(sig *types.Signature) bool {
	res := sig.Results()
	for i := 0; i < res.Len(); i++ {
		if clientStream(res.At(i).Type()) {
			return true
		}
	}
	return false
}
