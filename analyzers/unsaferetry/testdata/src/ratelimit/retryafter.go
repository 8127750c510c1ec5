package ratelimit

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// A forge client retries a call only when the server named a time to come
// back (a Retry-After header, sent with 429 and rate-limit 403s) or the
// error says it hit the secondary rate limit; every other error returns.
// Neither answer follows an executed request, so the create is silent.

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
