// Package notification sends events to the senders registered with it,
// retrying each with backoff. The senders live in packages that import
// this one and register themselves, so their bodies are out of sight
// here: the retried call is judged by name here (a check), and each
// sender's write is reported in its own package.
package notification

import (
	"errors"
	"time"
)

type Event struct {
	ID      string
	Name    string
	Message string
}

// Sender delivers an event to one service.
type Sender interface {
	Send(event Event) error
}

// Pinger checks that a service is reachable; it is retried only while the
// service refuses (ErrBusy), so its implementations are not retried
// writes.
type Pinger interface {
	Post(event Event) error
}

var ErrBusy = errors.New("busy")

var senders = map[string]Sender{}

// RegisterSender is called from the senders' init functions.
func RegisterSender(name string, s Sender) { senders[name] = s }

type Manager struct {
	Attempts int
	pinger   Pinger
}

func (m *Manager) Send(event Event) error {
	for _, sender := range senders {
		var attempts int
		backoff := 100 * time.Millisecond
		for {
			if attempts >= m.Attempts {
				return errors.New("max attempts reached")
			}
			if err := sender.Send(event); err != nil { // want `Sender.Send \(an interface method with no body twice can see`
				attempts++
				time.Sleep(backoff)
				backoff *= 2
				continue
			}
			break
		}
	}
	return nil
}

func (m *Manager) Ping(event Event) error {
	for i := 0; i < 3; i++ {
		err := m.pinger.Post(event)
		if !errors.Is(err, ErrBusy) {
			return err
		}
		time.Sleep(time.Second)
	}
	return ErrBusy
}
