// Package optsuser calls the restopts library inside retries of its own:
// the write is decided by the options it passes (Method: "POST"), read
// through the library's JSON helper, its own request type and the URL it
// appends; reads and PUTs stay silent.
package optsuser

import (
	"context"
	"errors"
	"net/http"
	"time"

	"example.com/restopts"
	"github.com/cenkalti/backoff/v4"
)

type Jobs struct {
	c  *restopts.Client
	ix *restopts.Indexer
}

type Job struct{ Name string }

var errBusy = errors.New("busy")

// withRetry runs fn until it reports no retry.
func withRetry(fn func() (bool, error)) error {
	var err error
	for i := 0; i < 5; i++ {
		var again bool
		if again, err = fn(); !again {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

func shouldRetry(resp *http.Response, err error) (bool, error) {
	if err != nil {
		return true, err
	}
	if resp.StatusCode >= 500 {
		return true, errBusy
	}
	return false, nil
}

func (j *Jobs) Submit(ctx context.Context, job Job) error {
	return withRetry(func() (bool, error) {
		resp, err := j.c.CallJSON(ctx, &restopts.Opts{Method: "POST", Path: "/v1/jobs"}, job) // want `POST /v1/jobs inside optsuser\.withRetry .*runs again on every retry`
		return shouldRetry(resp, err)
	})
}

func (j *Jobs) Rename(ctx context.Context, id string, job Job) error {
	return withRetry(func() (bool, error) {
		resp, err := j.c.CallJSON(ctx, &restopts.Opts{Method: http.MethodPut, Path: "/v1/jobs/" + id}, job)
		return shouldRetry(resp, err)
	})
}

func (j *Jobs) Get(ctx context.Context, id string) error {
	return withRetry(func() (bool, error) {
		resp, err := j.c.CallJSON(ctx, &restopts.Opts{Path: "/v1/jobs/" + id}, nil) // no Method: GET
		return shouldRetry(resp, err)
	})
}

func (j *Jobs) Search(ctx context.Context, q string) error {
	return withRetry(func() (bool, error) {
		resp, err := j.c.CallJSON(ctx, &restopts.Opts{Method: "POST", Path: "/v1/jobs/_search"}, map[string]string{"q": q})
		return shouldRetry(resp, err)
	})
}

// Cancel and Rerun pass the method beside the options: it replaces the
// options' own.
func (j *Jobs) Cancel(ctx context.Context, id string) error {
	return withRetry(func() (bool, error) {
		resp, err := j.c.CallAs(ctx, &restopts.Opts{Method: "POST", Path: "/v1/jobs/" + id}, http.MethodDelete)
		return shouldRetry(resp, err)
	})
}

func (j *Jobs) Rerun(ctx context.Context, id string) error {
	return withRetry(func() (bool, error) {
		resp, err := j.c.CallAs(ctx, &restopts.Opts{Path: "/v1/jobs/" + id + "/rerun"}, http.MethodPost) // want `POST /v1/jobs/\{…\}/rerun inside optsuser\.withRetry`
		return shouldRetry(resp, err)
	})
}

// FlushAll re-sends the whole batch after any error: documents without
// ids are indexed twice when the first attempt's answer was lost.
func (j *Jobs) FlushAll(ctx context.Context) error {
	return backoff.Retry(func() error {
		return j.ix.Flush(ctx) // want `Indexer\.Flush \(POST /_bulk\) inside backoff\.Retry`
	}, backoff.NewExponentialBackOff())
}

func (j *Jobs) RefreshAll(ctx context.Context) error {
	return backoff.Retry(func() error { return j.ix.Refresh(ctx) }, backoff.NewExponentialBackOff())
}
