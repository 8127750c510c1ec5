// Package notify sends customer notifications through pluggable channels
// (e-mail, SMS, push), retried with cenkalti/backoff v5.
package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/cenkalti/backoff/v5"
)

// Message is one notification.
type Message struct {
	ID        string
	Recipient string
	Template  string
	Vars      map[string]string
}

// Notifier is one delivery channel (generated SDK clients implement it).
type Notifier interface {
	Notify(ctx context.Context, m Message) error
	GetTemplate(ctx context.Context, name string) (string, error)
	SetPreference(ctx context.Context, recipient, channel string) error
}

// Mailer is the e-mail provider's client.
type Mailer interface {
	SendEmail(ctx context.Context, to, subject, body string) (string, error)
	ListBounces(ctx context.Context, since time.Time) ([]string, error)
}

// Service sends notifications.
type Service struct {
	channels map[string]Notifier
	mailer   Mailer
}

// Send retries the channel's Notify: a notification whose ack was lost is
// sent again.
func (s *Service) Send(ctx context.Context, channel string, m Message) error {
	n, ok := s.channels[channel]
	if !ok {
		return fmt.Errorf("unknown channel %q", channel)
	}
	_, err := backoff.Retry(ctx, func() (struct{}, error) {
		return struct{}{}, n.Notify(ctx, m) // check `Notifier\.Notify \(an interface method with no body twice can see, named like a notification\) inside backoff\.Retry runs again on every retry; it can be sent twice`
	}, backoff.WithMaxTries(4))
	return err
}

// Template fetches a template with retries: a read.
func (s *Service) Template(ctx context.Context, channel, name string) (string, error) {
	n := s.channels[channel]
	return backoff.Retry(ctx, func() (string, error) {
		return n.GetTemplate(ctx, name)
	}, backoff.WithMaxTries(4))
}

// SavePreference sets a preference with retries: an absolute write.
func (s *Service) SavePreference(ctx context.Context, recipient, channel string) error {
	_, err := backoff.Retry(ctx, func() (bool, error) {
		return true, s.channels[channel].SetPreference(ctx, recipient, channel)
	}, backoff.WithMaxTries(4))
	return err
}

// Receipt mails a receipt, retried by a hand-written loop.
func (s *Service) Receipt(ctx context.Context, to, body string) (string, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		id, err := s.mailer.SendEmail(ctx, to, "Your receipt", body) // check `Mailer\.SendEmail \(an interface method with no body twice can see, named like a send\) inside a retry loop runs again on every retry; it can be sent twice`
		if err == nil {
			return id, nil
		}
		lastErr = err
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return "", lastErr
}

// Broadcast sends one message per recipient: distinct items.
func (s *Service) Broadcast(ctx context.Context, recipients []string, body string) error {
	for _, r := range recipients {
		if _, err := s.mailer.SendEmail(ctx, r, "News", body); err != nil {
			return fmt.Errorf("mailing %s: %w", r, err)
		}
	}
	return nil
}

// Bounces polls the bounce list until it is readable: reads.
func (s *Service) Bounces(ctx context.Context) ([]string, error) {
	for i := 0; ; i++ {
		b, err := s.mailer.ListBounces(ctx, time.Now().Add(-24*time.Hour))
		if err == nil {
			return b, nil
		}
		if i == 5 {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}
