package brokers

import (
	"context"
	"time"

	"github.com/hibiken/asynq"
)

type Jobs struct{ client *asynq.Client }

// The enqueue is retried after any error, including a timeout that
// followed the write: a second task runs the job again.
func (j *Jobs) Submit(ctx context.Context, payload []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = j.client.EnqueueContext(ctx, asynq.NewTask("email:send", payload)); err == nil { // want `asynq Client\.EnqueueContext inside a retry loop runs again on every retry; the task can be enqueued twice`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// A task id chosen before the retry: the queue refuses the repeat.
func (j *Jobs) SubmitOnce(ctx context.Context, orderID string, payload []byte) error {
	var err error
	task := asynq.NewTask("invoice:send", payload, asynq.TaskID("invoice-"+orderID))
	for i := 0; i < 3; i++ {
		if _, err = j.client.EnqueueContext(ctx, task); err == nil {
			return nil
		}
	}
	return err
}

// A uniqueness lock: a repeat within the TTL is refused.
func (j *Jobs) SubmitUnique(payload []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = j.client.Enqueue(asynq.NewTask("report:build", payload), asynq.Unique(time.Hour)); err == nil {
			return nil
		}
	}
	return err
}
