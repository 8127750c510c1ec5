// Package jobs is one service of the SDK.
package jobs

import (
	"context"
	"net/http"

	"example.com/pollsdk/client"
)

// Jobs calls the jobs endpoints.
type Jobs struct{ c *client.ApiClient }

// RunNow starts a run of a job: a repeat starts a second run.
func (j *Jobs) RunNow(ctx context.Context, body []byte) error {
	_, err := j.c.Do(ctx, http.MethodPost, "/api/2.1/jobs/run-now", body) // want `POST /api/2.1/jobs/run-now is retried by`
	return err
}

// Get reads a job.
func (j *Jobs) Get(ctx context.Context) error {
	_, err := j.c.Do(ctx, http.MethodGet, "/api/2.1/jobs/get", nil)
	return err
}

// Reset replaces a job's settings.
func (j *Jobs) Reset(ctx context.Context, body []byte) error {
	_, err := j.c.Do(ctx, http.MethodPut, "/api/2.1/jobs/reset", body)
	return err
}
