package asynq

import (
	"context"
	"errors"
)

// Handler processes a task; an error it returns makes the server retry the
// task (MaxRetry, 25 by default).
type Handler interface {
	ProcessTask(ctx context.Context, task *Task) error
}

type HandlerFunc func(ctx context.Context, task *Task) error

func (fn HandlerFunc) ProcessTask(ctx context.Context, task *Task) error { return fn(ctx, task) }

func (t *Task) Type() string    { return t.typename }
func (t *Task) Payload() []byte { return t.payload }

type ServeMux struct{ handlers map[string]Handler }

func NewServeMux() *ServeMux { return &ServeMux{handlers: map[string]Handler{}} }

func (mux *ServeMux) Handle(pattern string, handler Handler) { mux.handlers[pattern] = handler }

func (mux *ServeMux) HandleFunc(pattern string, handler func(context.Context, *Task) error) {
	mux.Handle(pattern, HandlerFunc(handler))
}

// SkipRetry, wrapped in a handler's error, makes the server archive the
// task without retrying it.
var SkipRetry = errors.New("skip retry for the task")
