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

type Config struct{ Concurrency int }

type RedisClientOpt struct{ Addr string }

type Server struct{ handler Handler }

func NewServer(r RedisClientOpt, cfg Config) *Server { return &Server{} }

func (srv *Server) Run(handler Handler) error   { srv.handler = handler; return nil }
func (srv *Server) Start(handler Handler) error { srv.handler = handler; return nil }

// ProcessTask dispatches the task to the handler registered for its type.
func (mux *ServeMux) ProcessTask(ctx context.Context, task *Task) error {
	h, ok := mux.handlers[task.typename]
	if !ok {
		return errors.New("no handler")
	}
	return h.ProcessTask(ctx, task)
}
