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
// says what a Send does, not the word "Send". A message is a write only on
// a stream whose RPC is named like one (Publish, AppendRows, Write,
// Upload). On a Listen, Watch, Subscribe or StreamingPull stream it adds a
// target or acknowledges deliveries — re-opening such a stream after an
// error and sending the target again writes nothing — and on a keep-alive
// or heartbeat stream (LeaseKeepAlive) it renews a TTL (verbphrase.go's
// protocol signals). A stream named for a channel or a session
// (ControlChannel, Connect, Session) says nothing of what its messages do:
// unknown, so not judged by name. grpc's own ClientStream.SendMsg, which
// the generated Send calls, names no RPC at all; the generated Send's
// callers judge it by its stream.

const grpcPath = "google.golang.org/grpc"

// streamWriteWords start the names of streaming RPCs whose messages are
// written, besides the mutating verbs.
var streamWriteWords = map[string]bool{"write": true, "upload": true, "push": true, "produce": true, "ingest": true}

// streamSend reports whether call sends a message on a gRPC client stream
// (or is grpc's own SendMsg), and the name of the stream's RPC ("" when no
// RPC can be read from the stream's type).
func (c *Classifier) streamSend(call *ast.CallExpr, fn *types.Func) (rpc string, onStream bool) {
	if fn.Name() != "Send" && fn.Name() != "SendMsg" {
		return "", false
	}
	rpc = c.streamRPC(call)
	fromGRPC := fn.Pkg() != nil && fn.Pkg().Path() == grpcPath
	return rpc, rpc != "" || fromGRPC
}

// streamMessage judges a message sent on a stream of the RPC rpc by the
// RPC's name, before any implementation: the generated Send only hands the
// message to grpc's SendMsg, which says nothing of what it does.
func (c *Classifier) streamMessage(call *ast.CallExpr, fn *types.Func, rpc string) (Op, bool) {
	if streamWriteVerb(rpc) == "" || !remoteLooking(fn.Signature()) {
		return Op{}, false
	}
	return Op{
		Kind: KindVerb, Desc: displayName(fn) + " (a message on the " + rpc + " stream)",
		Effect: "it can be sent twice", Pos: call.Pos(), Identity: "call " + fn.FullName(),
		Unsure: c.unsure("Send", call, fn.Signature()),
		// An error from Send means the stream broke before the message was
		// handed over: a retry on that error alone re-sends nothing sent.
		FailsUnsent: true,
	}, true
}

// streamWriteVerb returns the word that makes a message of the streaming
// RPC rpc a write (the verb "Publish" or "Append", or "write", "upload"),
// or "".
func streamWriteVerb(rpc string) string {
	words := nameWords(rpc)
	for len(words) > 1 && (words[0] == "streaming" || words[0] == "stream") {
		words = words[1:] // StreamingPull, StreamWrite
	}
	if len(words) == 0 || namesSignal(words) {
		return ""
	}
	if streamWriteWords[words[0]] {
		return words[0]
	}
	camel := ""
	for _, w := range words {
		camel += strings.ToUpper(w[:1]) + w[1:]
	}
	v, safe := leadingVerb(camel)
	if safe {
		return ""
	}
	return v
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
func clientStream(t types.Type) bool { return hasGRPCMethod(t, "CloseSend") }

// hasGRPCMethod reports whether t has a method name declared in the grpc
// package (embedded, or promoted from it).
func hasGRPCMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == grpcPath
}

// serverStream reports whether call is made on the server side of a gRPC
// stream (<Service>_<Method>Server, grpc.ServerStreamingServer[Res]): its
// Send is the handler's reply to the client that called it, not a write
// of the server's. Sending it again gives that client one more reply.
func (c *Classifier) serverStream(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	t := c.info.TypeOf(sel.X)
	return t != nil && hasGRPCMethod(t, "SetTrailer")
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
