package mutation

import (
	"go/ast"
	"go/types"
)

// Helpers that retry a request–response exchange over a message link for
// the message their caller built:
//
//	func (l *Link) RetryableRPC(ctx context.Context, times int, delay time.Duration, msg *amqp.Message) (*Response, error) {
//		return common.Retry(times, delay, func() (any, error) { return l.RPC(ctx, msg) })
//	}
//	msg := &amqp.Message{ApplicationProperties: map[string]any{"operation": "com.microsoft:peek-message"}}
//	link.RetryableRPC(ctx, 3, time.Second, msg) // a read
//
// The helper's send is a write or a read by the operation the caller's
// message names (messageop.go), as an RPC poster's POST is by the path its
// caller gives. Summarize records the message parameter
// (FuncFact.MessageParam) of a function whose send is an RPC — the sending
// call returns a reply besides its error — of that parameter; a retry of
// such a send records it in ParamRetry, and the write is judged, and
// reported, at each call that passes a message naming its operation. A
// plain publish (no reply) is not an RPC: a publisher's message is the
// write whatever it carries, and stays reported where it is retried.

// noteMessageParam records, while summarising, that call sends one of the
// summarised function's parameters as an RPC message: a send (a publish,
// or a call known by a send's name) whose callee returns a reply, or a
// call of a function that sends its own message parameter so.
func (c *Classifier) noteMessageParam(call *ast.CallExpr, fn *types.Func, fact *FuncFact, op Op) {
	if c.sum == nil || c.sum.fact.MessageParam >= 0 {
		return
	}
	if p := op.Primitive(); p != KindPublish && p != KindVerb {
		return
	}
	if fact != nil && fact.MessageParam >= 0 {
		if arg := c.callArg(call, fact.MessageParam); arg != nil {
			if p, ok := c.messageParam(arg); ok {
				c.sum.fact.MessageParam = p
			}
		}
		return
	}
	if fn.Signature().Results().Len() < 2 {
		return // no reply: a publish, not an RPC
	}
	if namesOperation(fn) {
		return // CreateWidget(ctx, req): the method names the operation, not the message
	}
	for _, arg := range call.Args {
		if p, ok := c.messageParam(arg); ok {
			c.sum.fact.MessageParam = p
			return
		}
	}
}

// namesOperation reports whether an RPC's own name says which operation
// it asks for (a generated client's CreateWidget), unlike a generic
// exchange (RPC, Send, Do) whose message names it.
func namesOperation(fn *types.Func) bool {
	if genericName(fn.Name()) {
		return false
	}
	v, _ := leadingVerb(fn.Name())
	return v != ""
}

// messageParam returns the index of the summarised function's parameter
// that e is, when it is a message: a struct or a pointer to one.
func (c *Classifier) messageParam(e ast.Expr) (int, bool) {
	v := c.varOf(e)
	if v == nil {
		return 0, false
	}
	if _, ok := derefStruct(v.Type()); !ok {
		return 0, false
	}
	return c.paramIndex(v)
}

// forwardedMessage: a wrapper passing its own message parameter to a
// helper that retries an RPC of it is such a helper too.
func (c *Classifier) forwardedMessage(call *ast.CallExpr, r *ParamRetry) *ParamRetry {
	if r.MessageParam < 0 {
		return nil
	}
	arg := c.callArg(call, r.MessageParam)
	if arg == nil {
		return nil
	}
	p, ok := c.messageParam(arg)
	if !ok {
		return nil
	}
	fwd := *r
	fwd.MessageParam = p
	return &fwd
}

// messageRPCWrite judges a call passing a message to a helper that retries
// an RPC of it: a message naming an operation that reads, presents the
// client's credential or sets a state is no write; one naming any other
// operation is; a message whose operation cannot be read says nothing
// more (as a URL the caller does not spell out).
func (c *Classifier) messageRPCWrite(call *ast.CallExpr, fn *types.Func, r *ParamRetry) (Op, bool) {
	arg := c.callArg(call, r.MessageParam)
	if arg == nil {
		return Op{}, false
	}
	name, ok := c.messageOperation(arg)
	if !ok || quietMessageOperation(afterNamespace(name)) {
		return Op{}, false
	}
	return Op{
		Kind: KindCall, Root: KindPublish, Desc: "message operation " + name, Write: "message operation " + name,
		Effect: "the operation can be applied twice", Pos: call.Pos(), Identity: "func " + fn.FullName() + " " + name,
	}, true
}

// quietMessageOperation: an operation that reads (a peek, a receive of
// deferred messages by sequence number), presents the client's token, or
// puts one existing thing in a state (renew-lock, update-disposition,
// cancel-scheduled-message, set-session-state) is safe to repeat; one
// whose words also create or send (update-and-send) is not.
func quietMessageOperation(name string) bool {
	if readOperation(name) || credentialOperation(name) {
		return true
	}
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	if anyWord(words[1:], createWords) {
		return false
	}
	w := words[0]
	// Receiving deferred messages by their sequence numbers reads them.
	return w == "receive" || stateWords[w] || transitionWords[w]
}
