package mutation

import (
	"go/ast"
	"go/constant"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// Request–response protocols over a message link (AMQP 1.0 management and
// its claims-based security node, broker admin queues) send every
// operation as a message whose properties name it:
//
//	msg := &amqp.Message{Value: token, ApplicationProperties: map[string]any{
//		"operation": "put-token", "name": audience}}
//	link.RetryableRPC(ctx, 3, time.Second, msg)
//
// The send is the link's; what it does is the operation's, as a JSON-RPC
// helper's POST is its method's (rpcop.go). A call whose write is a
// message send (a publisher's, or one known only by a send's name) and
// that passes a message naming an operation that reads (a peek, a READ),
// or that presents the credential the client holds (put-token: the same
// token presented again changes nothing), is not a write. Any other
// operation (schedule-message, CREATE) leaves the send a write.

// messageOpReads reports whether call's write is a message send and a
// message it passes names a read or a credential operation.
func (c *Classifier) messageOpReads(call *ast.CallExpr, op Op) bool {
	if p := op.Primitive(); p != KindPublish && p != KindVerb {
		return false
	}
	for _, arg := range call.Args {
		if name, ok := c.messageOperation(arg); ok {
			return readOperation(afterNamespace(name)) || credentialOperation(afterNamespace(name))
		}
	}
	return false
}

// messageOperation returns the constant operation name of the message
// literal arg is, or a local assigned it once: the value of an
// operation-naming key (opNameKeys) in the literal or a literal nested in
// it (the properties map).
func (c *Classifier) messageOperation(arg ast.Expr) (string, bool) {
	lit := astpath.Literal(arg)
	if lit == nil {
		lit = astpath.Literal(c.singleValue(arg))
	}
	if lit == nil || c.httpLiteral(lit) {
		return "", false
	}
	return c.literalOperation(lit, 0)
}

func (c *Classifier) literalOperation(lit *ast.CompositeLit, depth int) (string, bool) {
	if depth > 2 {
		return "", false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if opNameKeys[strings.ToLower(c.keyName(kv.Key))] {
			if tv, ok := c.info.Types[kv.Value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value), true
			}
			continue
		}
		if nested := astpath.Literal(kv.Value); nested != nil {
			if name, ok := c.literalOperation(nested, depth+1); ok {
				return name, true
			}
		}
	}
	return "", false
}

// afterNamespace drops a vendor prefix: com.microsoft:peek-message → peek-message.
func afterNamespace(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// credentialOperation reports whether an operation presents or refreshes
// the token the client holds (put-token, set-token, refresh-token): its
// words are a token and such a verb only.
func credentialOperation(name string) bool {
	words := nameWords(name)
	token := false
	for _, w := range words {
		switch w {
		case "token":
			token = true
		case "put", "set", "present", "refresh", "renew":
		default:
			return false
		}
	}
	return token
}
