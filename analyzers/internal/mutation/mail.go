package mutation

import (
	"go/ast"
	"go/types"
)

// Email sends. An SMTP server that accepted the message (250 after DATA)
// delivers it even when the client never reads that answer: a send retried
// after a timeout or a dropped connection mails the recipients twice. The
// libraries write to a connection through their own protocol code, which
// shows no write, so their sending calls are named here.

// mailer is a sending function or method of a mail library (recv "" for a
// package-level function).
type mailer struct {
	pkg, recv string
	methods   []string
	lib       string
}

var mailers = []mailer{
	{"net/smtp", "", []string{"SendMail"}, "net/smtp"},
	{"net/smtp", "Client", []string{"Data"}, "net/smtp"},
	{"gopkg.in/gomail.v2", "Dialer", []string{"DialAndSend"}, "gomail"},
	{"gopkg.in/gomail.v2", "", []string{"Send"}, "gomail"},
	{"github.com/go-gomail/gomail", "Dialer", []string{"DialAndSend"}, "gomail"},
	{"github.com/go-gomail/gomail", "", []string{"Send"}, "gomail"},
	{"github.com/wneessen/go-mail", "Client", []string{"DialAndSend", "DialAndSendWithContext", "Send", "SendWithSMTPClient"}, "go-mail"},
	{"github.com/jordan-wright/email", "Email", []string{"Send", "SendWithTLS", "SendWithStartTLS"}, "email"},
}

// mailCall recognises an email send. Other functions of these packages
// are left to the later stages (ok false).
func mailCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	path, recv := fn.Pkg().Path(), recvName(fn)
	for _, m := range mailers {
		if m.pkg != path || m.recv != recv {
			continue
		}
		for _, name := range m.methods {
			if name != fn.Name() {
				continue
			}
			desc := m.lib + " " + name
			if recv != "" {
				desc = m.lib + " " + recv + "." + name
			}
			return Op{Kind: KindMail, Desc: desc, Effect: "the email can be sent twice", Pos: call.Pos(),
				Identity: "mail " + desc + " " + receiverText(call)}, true
		}
	}
	return Op{}, false
}

// isMailPath reports whether a mail library at path has sends in the table.
func isMailPath(path string) bool {
	for _, m := range mailers {
		if m.pkg == path {
			return true
		}
	}
	return false
}
