// Package mailer sends notification emails over SMTP. A send retried after
// a timeout or a dropped connection mails the recipients again when the
// server had already accepted the message; retrying only the dial, before
// anything is handed over, is safe.
package mailer

import (
	"net/smtp"
	"time"
)

type Mailer struct {
	addr string
	auth smtp.Auth
	from string
}

func (m *Mailer) Notify(to []string, msg []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = smtp.SendMail(m.addr, m.auth, m.from, to, msg); err == nil { // want `net/smtp SendMail inside a retry loop runs again on every retry; the email can be sent twice .*: retry only failures that happen before the message is handed over`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// The dial is retried; the message is written once, after the loop.
func (m *Mailer) NotifyOnce(to string, msg []byte) error {
	var c *smtp.Client
	var err error
	for i := 0; i < 3; i++ {
		if c, err = smtp.Dial(m.addr); err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Mail(m.from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	return w.Close()
}
