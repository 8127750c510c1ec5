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
