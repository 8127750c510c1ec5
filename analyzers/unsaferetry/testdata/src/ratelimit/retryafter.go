package ratelimit

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pkg/errors"
)

// A forge client retries a call only when the server named a time to come
// back (a Retry-After header, sent with 429 and rate-limit 403s) or the
// error says it hit the secondary rate limit; every other error returns.
// Neither answer follows an executed request, so the create is silent.
// Its errors package is github.com/pkg/errors, whose As is the standard
// library's.

type retryAfterError time.Duration

func (r retryAfterError) Error() string { return "retry after " + time.Duration(r).String() }

func retryAfterFrom(resp *http.Response) error {
	if resp == nil {
		return nil
	}
	secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if err != nil || secs <= 0 {
		return nil
	}
	return retryAfterError(time.Duration(secs) * time.Second)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

func retryForgeRequest(ctx context.Context, fn func() error) error {
	tries := 0
	for {
		tries++
		err := fn()
		if err == nil {
			return nil
		}
		var after retryAfterError
		switch {
		case errors.As(err, &after):
			if err := sleepCtx(ctx, time.Duration(after)); err != nil {
				return err
			}
		case strings.Contains(err.Error(), "secondary rate limit"):
			if err := sleepCtx(ctx, time.Duration(tries*tries)*time.Second); err != nil {
				return err
			}
		default:
			return err
		}
	}
}

// ForkRepository creates a fork through the refusal-only helper: silent.
func ForkRepository(ctx context.Context, hc *http.Client, url string) error {
	return retryForgeRequest(ctx, func() error {
		resp, err := hc.Post(url+"/forks", "application/json", nil)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return retryAfterFrom(resp)
	})
}

// retryForgeAnyError also goes round after a 5xx: the create is reported.
func retryForgeAnyError(ctx context.Context, fn func() error) error {
	for tries := 1; ; tries++ {
		err := fn()
		if err == nil || tries == 3 {
			return err
		}
		var after retryAfterError
		switch {
		case errors.As(err, &after):
			if err := sleepCtx(ctx, time.Duration(after)); err != nil {
				return err
			}
		default:
			if err := sleepCtx(ctx, time.Second); err != nil {
				return err
			}
		}
	}
}

func ForkRepositoryAnyError(ctx context.Context, hc *http.Client, url string) error {
	return retryForgeAnyError(ctx, func() error {
		resp, err := hc.Post(url+"/forks", "application/json", nil) // want `POST /forks inside ratelimit.retryForgeAnyError`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return retryAfterFrom(resp)
	})
}

// The same helper behind two wrappers, one generic, as a forge client
// layers them: the refusal-only predicate is the innermost loop's.
func retryForgeValue[K any](ctx context.Context, fn func() (K, *http.Response, error)) (K, *http.Response, error) {
	var val K
	resp, err := retryForgeWithoutValue(ctx, func() (*http.Response, error) {
		var resp *http.Response
		var err error
		val, resp, err = fn()
		return resp, err
	})
	return val, resp, err
}

func retryForgeWithoutValue(ctx context.Context, fn func() (*http.Response, error)) (*http.Response, error) {
	var response *http.Response
	err := retryForgeRequest(ctx, func() error {
		var err error
		response, err = fn()
		if after := retryAfterFrom(response); after != nil {
			return after
		}
		return err
	})
	return response, err
}

type Fork struct{ Name string }

type Forks interface {
	CreateFork(ctx context.Context, owner, repo string) (*Fork, *http.Response, error)
}

func ForkThroughWrappers(ctx context.Context, forks Forks, owner, repo string) (*Fork, error) {
	fork, _, err := retryForgeValue(ctx, func() (*Fork, *http.Response, error) {
		return forks.CreateFork(ctx, owner, repo)
	})
	return fork, err
}
