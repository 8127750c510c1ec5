package mailer

import (
	"io"
	"net/smtp"
	"time"
)

// SMTPClient is the part of *smtp.Client a sender uses, an interface so
// that tests can mock the connection.
type SMTPClient interface {
	Mail(from string) error
	Rcpt(to string) error
	Data() (io.WriteCloser, error)
	Quit() error
}

// Sender writes one message through its SMTP client.
type Sender struct {
	client func() (SMTPClient, error)
	from   string
}

func NewSender(addr string) *Sender {
	return &Sender{client: func() (SMTPClient, error) { return smtp.Dial(addr) }, from: "noreply@example.com"}
}

func (s *Sender) Send(to string, text string) error {
	c, err := s.client()
	if err != nil {
		return err
	}
	if err := c.Mail(s.from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, text); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// Store is not a mail client: its Data has nothing to do with SMTP.
type Store interface {
	Data() (io.WriteCloser, error)
}

func (m *Mailer) NotifyThroughSender(s *Sender, to string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = s.Send(to, "hello"); err == nil { // want `Sender\.Send \(SMTP DATA\) inside a retry loop runs again on every retry; the email can be sent twice`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func (m *Mailer) SaveSnapshot(st Store) error {
	var err error
	for i := 0; i < 3; i++ {
		var w io.WriteCloser
		if w, err = st.Data(); err == nil {
			return w.Close()
		}
		time.Sleep(time.Second)
	}
	return err
}
