// Package eventbus dispatches events to listeners registered in memory.
package eventbus

import (
	"errors"
	"sync"
)

type Event struct{ Name string }

type Listener interface {
	OnEvent(e Event) error
}

type Bus struct {
	mu        sync.Mutex
	listeners map[string][]Listener
}

// RegisterListener adds l for events named name.
func (b *Bus) RegisterListener(name string, l Listener) error {
	if l == nil {
		return errors.New("eventbus: nil listener")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.listeners == nil {
		b.listeners = map[string][]Listener{}
	}
	b.listeners[name] = append(b.listeners[name], l)
	return nil
}

// Registry is a place to register callbacks, such as a plugin host.
type Registry interface {
	RegisterHook(name string, hook func(Event) error) error
}
