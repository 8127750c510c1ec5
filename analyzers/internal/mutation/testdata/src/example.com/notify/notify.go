// Package notify declares the notification ports a service depends on.
package notify

import "context"

type Message struct{ To, Body string }

type Notifier interface {
	Notify(ctx context.Context, m Message) error
	Status(ctx context.Context, id string) (string, error)
}

type JobRunner interface {
	RunJob(ctx context.Context, name string) error
	Run(ctx context.Context) error
}

// Errors collects the errors of a fan-out; AppendError combines them (an
// error helper, not a remote call, though its name starts with Append).
type Errors interface {
	AppendError(into, err error) error
}
