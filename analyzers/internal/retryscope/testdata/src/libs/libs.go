// Package libs is a payments client that retries with every supported
// retry library.
package libs

import (
	"context"
	"errors"
	"time"

	retrygo3 "github.com/avast/retry-go/v3"
	retrygo "github.com/avast/retry-go/v4"
	backoff "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	sethretry "github.com/sethvargo/go-retry"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/util/retry"
)

type Payment struct{ ID string }

type Client struct{ baseURL string }

func (c *Client) writeCharge(ctx context.Context, p Payment) error { return nil }
func (c *Client) writeRefund(ctx context.Context, id string) (string, error) {
	return "", nil
}
func (c *Client) lookup(ctx context.Context, id string) error { return nil }

func writeAudit(ctx context.Context, msg string) error { return nil }

func (c *Client) charge(ctx context.Context) error { return c.writeCharge(ctx, Payment{}) }

func (c *Client) AvastV4(ctx context.Context, p Payment) error {
	return retrygo.Do(func() error {
		return c.writeCharge(ctx, p) // want "retried by retry.Do \\(avast/retry-go\\)"
	}, retrygo.Attempts(3), retrygo.Context(ctx))
}

func (c *Client) AvastV3(ctx context.Context, p Payment) error {
	return retrygo3.Do(func() error {
		return c.writeCharge(ctx, p) // want "retried by retry.Do \\(avast/retry-go\\)"
	}, retrygo3.Attempts(3))
}

func (c *Client) AvastWithData(ctx context.Context, id string) (string, error) {
	return retrygo.DoWithData(func() (string, error) {
		return c.writeRefund(ctx, id) // want "retried by retry.DoWithData \\(avast/retry-go\\)"
	})
}

func (c *Client) BackoffV4(ctx context.Context, p Payment) error {
	op := func() error {
		return c.writeCharge(ctx, p) // want "retried by backoff.Retry"
	}
	return backoff.Retry(op, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}

func (c *Client) BackoffNotify(ctx context.Context, p Payment) error {
	notify := func(err error, d time.Duration) { _ = writeAudit(ctx, err.Error()) }
	return backoff.RetryNotify(func() error {
		return c.writeCharge(ctx, p) // want "retried by backoff.RetryNotify"
	}, backoff.NewExponentialBackOff(), notify)
}

func (c *Client) BackoffV5(ctx context.Context, id string) (string, error) {
	return backoff5.Retry(ctx, func() (string, error) {
		return c.writeRefund(ctx, id) // want "retried by backoff.Retry"
	}, backoff5.WithMaxTries(5))
}

func (c *Client) SethVargo(ctx context.Context, p Payment) error {
	b := sethretry.WithMaxRetries(3, sethretry.NewExponential(time.Second))
	return sethretry.Do(ctx, b, func(ctx context.Context) error {
		if err := c.writeCharge(ctx, p); err != nil { // want "retried by retry.Do \\(sethvargo/go-retry\\)"
			return sethretry.RetryableError(err)
		}
		return nil
	})
}

func (c *Client) K8sBackoff(ctx context.Context, p Payment) error {
	return wait.ExponentialBackoffWithContext(ctx, wait.Backoff{Steps: 4, Duration: time.Second}, func(ctx context.Context) (bool, error) {
		err := c.writeCharge(ctx, p) // want "retried by wait.ExponentialBackoffWithContext"
		return err == nil, nil
	})
}

func (c *Client) K8sPoll(ctx context.Context, p Payment) error {
	return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
		return c.writeCharge(ctx, p) == nil, nil // want "retried by wait.PollUntilContextTimeout"
	})
}

func (c *Client) OnError(ctx context.Context, p Payment) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		return c.writeCharge(ctx, p) // want "retried by retry.OnError \\(client-go\\)"
	})
}

// MethodValueArg retries a method value: the method may be called
// elsewhere, so the report is at the argument.
func (c *Client) MethodValueArg(ctx context.Context) error {
	return retrygo.Do(c.chargeNoCtx) // want "retried function chargeNoCtx by retry.Do \\(avast/retry-go\\)"
}

func (c *Client) chargeNoCtx() error { return c.writeCharge(context.Background(), Payment{}) }

func NamedFunc() error {
	return backoff.Retry(flush, backoff.NewExponentialBackOff()) // want "retried function flush by backoff.Retry"
}

func flush() error { return writeAudit(context.Background(), "flush") }

// Safe by design, or not a retry: no scope.

func (c *Client) Conflict(ctx context.Context, p Payment) error {
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		return c.writeCharge(ctx, p)
	})
}

func (c *Client) Periodic(ctx context.Context, stop <-chan struct{}) {
	wait.Until(func() { _ = writeAudit(ctx, "heartbeat") }, time.Minute, stop)
	wait.UntilWithContext(ctx, func(ctx context.Context) { _ = writeAudit(ctx, "heartbeat") }, time.Minute)
}

func (c *Client) NotRetried(ctx context.Context, p Payment) error {
	if err := c.lookup(ctx, p.ID); err != nil {
		return errors.Join(err, backoff.Permanent(err))
	}
	return c.writeCharge(ctx, p)
}

// Package-level handlers: func literals in var initialisers are walked
// like function bodies.
var (
	defaultClient = &Client{}

	chargeHandler = func(ctx context.Context, p Payment) error {
		return retrygo.Do(func() error {
			return defaultClient.writeCharge(ctx, p) // want "retried by retry.Do \\(avast/retry-go\\)"
		})
	}

	auditLoop = func(ctx context.Context, msg string) error {
		var err error
		for i := 0; i < 3; i++ {
			if err = writeAudit(ctx, msg); err == nil { // want "retried by a retry loop"
				return nil
			}
		}
		return err
	}

	lookupOnce = func(ctx context.Context, id string) error {
		return defaultClient.lookup(ctx, id)
	}
)
