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

const emailTwice = "the email can be sent twice"

// mailers are the sending functions and methods of mail libraries.
var mailers = []publisher{
	{"net/smtp", "", []string{"SendMail"}, "net/smtp", emailTwice},
	{"net/smtp", "Client", []string{"Data"}, "net/smtp", emailTwice},
	{"gopkg.in/gomail.v2", "Dialer", []string{"DialAndSend"}, "gomail", emailTwice},
	{"gopkg.in/gomail.v2", "", []string{"Send"}, "gomail", emailTwice},
	{"github.com/go-gomail/gomail", "Dialer", []string{"DialAndSend"}, "gomail", emailTwice},
	{"github.com/go-gomail/gomail", "", []string{"Send"}, "gomail", emailTwice},
	{"github.com/wneessen/go-mail", "Client", []string{"DialAndSend", "DialAndSendWithContext", "Send", "SendWithSMTPClient"}, "go-mail", emailTwice},
	{"github.com/jordan-wright/email", "Email", []string{"Send", "SendWithTLS", "SendWithStartTLS"}, "email", emailTwice},
}

// mailCall recognises an email send. Other functions of these packages
// are left to the later stages (ok false).
func mailCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	if smtpShaped(fn) {
		return Op{Kind: KindMail, Desc: "SMTP DATA", Effect: emailTwice, Pos: call.Pos(),
			Identity: "mail SMTP DATA " + receiverText(call)}, true
	}
	m, listed, _ := findMethod(mailers, fn)
	if !listed {
		return Op{}, false
	}
	desc := m.describe(fn.Name())
	return Op{Kind: KindMail, Desc: desc, Effect: m.effect, Pos: call.Pos(),
		Identity: "mail " + desc + " " + receiverText(call)}, true
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

// smtpShaped reports whether fn is the Data method of an interface shaped
// like net/smtp's Client (Mail, Rcpt and Data() (io.WriteCloser, error)):
// mail libraries hold their SMTP connection behind such an interface so
// that tests can mock it, and the message is handed over by Data.
func smtpShaped(fn *types.Func) bool {
	if fn.Name() != "Data" {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	res := fn.Signature().Results()
	if fn.Signature().Params().Len() != 0 || res.Len() != 2 || !isNamed(res.At(0).Type(), "io", "WriteCloser") {
		return false
	}
	has := map[string]bool{}
	for m := range iface.Methods() {
		has[m.Name()] = true
	}
	return has["Mail"] && has["Rcpt"]
}
