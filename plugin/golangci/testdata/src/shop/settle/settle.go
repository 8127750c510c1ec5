// Package settle charges orders from a job queue whose worker re-runs
// failed jobs. Submit only queues the job, so the retry is invisible to the
// analysis unless the plugin settings name Submit as a retry function.
package settle

import "net/http"

// Queue is a background job queue.
type Queue struct {
	jobs chan func() error
}

// Submit queues run; the worker runs it until it succeeds.
func (q *Queue) Submit(run func() error) {
	q.jobs <- run
}

// Settle posts the charge from the queue.
func Settle(q *Queue, pspURL string) {
	q.Submit(func() error {
		resp, err := http.Post(pspURL+"/v1/charges", "application/json", nil) // want `(?i)post`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
