// Package asynq is a stub of github.com/hibiken/asynq for analyzer tests:
// the real signatures of the functions twice matches. The enqueue runs a
// Redis script, which shows no write.
package asynq

import (
	"context"
	"errors"
	"time"
)

type Task struct {
	typename string
	payload  []byte
	opts     []Option
}

func NewTask(typename string, payload []byte, opts ...Option) *Task {
	return &Task{typename: typename, payload: payload, opts: opts}
}

type Option interface{ String() string }

type optionString string

func (o optionString) String() string { return string(o) }

func TaskID(id string) Option         { return optionString("TaskID(" + id + ")") }
func Unique(ttl time.Duration) Option { return optionString("Unique") }
func MaxRetry(n int) Option           { return optionString("MaxRetry") }
func Queue(name string) Option        { return optionString("Queue(" + name + ")") }

var ErrDuplicateTask = errors.New("task already exists")
var ErrTaskIDConflict = errors.New("task ID conflicts with another task")

type TaskInfo struct{ ID string }

type script interface {
	Run(ctx context.Context, keys []string, args ...interface{}) error
}

type Client struct{ enqueueCmd script }

func (c *Client) Enqueue(task *Task, opts ...Option) (*TaskInfo, error) {
	return c.EnqueueContext(context.Background(), task, opts...)
}

func (c *Client) EnqueueContext(ctx context.Context, task *Task, opts ...Option) (*TaskInfo, error) {
	if err := c.enqueueCmd.Run(ctx, []string{task.typename}, task.payload); err != nil {
		return nil, err
	}
	return &TaskInfo{}, nil
}
