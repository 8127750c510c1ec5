package oneattempt

import (
	"bytes"
	"context"
	"net/http"
	"time"

	retry "github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	goretry "github.com/sethvargo/go-retry"
)

// A retry library told to make one attempt runs its function once. Code
// does this where the work must not repeat (parts of an upload handed to
// an errgroup, a one-shot command sharing a helper with retried ones), so
// those calls are silent; any other bound, and retry-go's Attempts(0)
// ("until it succeeds"), retries.

type Uploader struct {
	hc   *http.Client
	base string
}

func (u *Uploader) post(ctx context.Context, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := u.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SendOnce makes one attempt: silent.
func (u *Uploader) SendOnce(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		return u.post(ctx, "/messages", body)
	}, retry.Attempts(1), retry.Context(ctx))
}

// SendWithOptions holds the one-attempt option in a local slice: silent.
func (u *Uploader) SendWithOptions(ctx context.Context, body []byte) error {
	opts := []retry.Option{retry.Context(ctx), retry.Attempts(1)}
	return retry.Do(func() error {
		return u.post(ctx, "/messages", body)
	}, opts...)
}

// SendThrice retries: reported.
func (u *Uploader) SendThrice(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		return u.post(ctx, "/messages", body) // want `Uploader.post \(POST .*/messages\) inside retry\.Do \(avast/retry-go\) runs again on every retry`
	}, retry.Attempts(3))
}

// SendUntilDone retries until it succeeds (Attempts(0)): reported.
func (u *Uploader) SendUntilDone(ctx context.Context, body []byte) error {
	return retry.Do(func() error {
		return u.post(ctx, "/messages", body) // want `Uploader.post \(POST .*/messages\) inside retry\.Do \(avast/retry-go\) runs again on every retry`
	}, retry.Attempts(0))
}

// NotifyOnce wraps a backoff that allows no retries: silent.
func (u *Uploader) NotifyOnce(ctx context.Context, body []byte) error {
	b := backoff.WithContext(backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 0), ctx)
	return backoff.Retry(func() error {
		return u.post(ctx, "/notifications", body)
	}, b)
}

// NotifyTwice allows two retries: reported.
func (u *Uploader) NotifyTwice(ctx context.Context, body []byte) error {
	return backoff.Retry(func() error {
		return u.post(ctx, "/notifications", body) // want `Uploader.post \(POST .*/notifications\) inside backoff.Retry runs again on every retry`
	}, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 2))
}

// SubmitOnce gives backoff v5 one try: silent.
func (u *Uploader) SubmitOnce(ctx context.Context, body []byte) error {
	_, err := backoff5.Retry(ctx, func() (struct{}, error) {
		return struct{}{}, u.post(ctx, "/jobs", body)
	}, backoff5.WithMaxTries(1))
	return err
}

// EnqueueOnce gives go-retry no retries: silent.
func (u *Uploader) EnqueueOnce(ctx context.Context, body []byte) error {
	b := goretry.WithMaxRetries(0, goretry.NewConstant(time.Second))
	return goretry.Do(ctx, b, func(ctx context.Context) error {
		if err := u.post(ctx, "/queue", body); err != nil {
			return goretry.RetryableError(err)
		}
		return nil
	})
}
