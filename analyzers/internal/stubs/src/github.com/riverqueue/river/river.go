// Package river is a stub of github.com/riverqueue/river for analyzer
// tests: the real signatures of worker registration.
package river

import (
	"context"
	"time"
)

type JobArgs interface{ Kind() string }

type Job[T JobArgs] struct {
	ID      int64
	Attempt int
	Args    T
}

// Worker works a job; a job whose Work returns an error is retried
// (MaxAttempts, 25 by default).
type Worker[T JobArgs] interface {
	Work(ctx context.Context, job *Job[T]) error
	Timeout(job *Job[T]) time.Duration
}

// WorkerDefaults gives a worker the interface's other methods.
type WorkerDefaults[T JobArgs] struct{}

func (w WorkerDefaults[T]) Timeout(*Job[T]) time.Duration { return 0 }

type Workers struct{ workers map[string]any }

func NewWorkers() *Workers { return &Workers{workers: map[string]any{}} }

func AddWorker[T JobArgs](workers *Workers, worker Worker[T]) {
	var args T
	workers.workers[args.Kind()] = worker
}

func AddWorkerSafely[T JobArgs](workers *Workers, worker Worker[T]) error {
	AddWorker(workers, worker)
	return nil
}

type workFunc[T JobArgs] struct {
	WorkerDefaults[T]
	f func(context.Context, *Job[T]) error
}

func (w *workFunc[T]) Work(ctx context.Context, job *Job[T]) error { return w.f(ctx, job) }

// WorkFunc wraps a function into a Worker.
func WorkFunc[T JobArgs](f func(context.Context, *Job[T]) error) Worker[T] {
	return &workFunc[T]{f: f}
}
