// Package fanout delivers one notification to every channel a user has
// enabled (push, e-mail, chat). Channels are plugged in behind the Notifier
// interface; their implementations live in other services' SDKs, so the
// analyzer sees only the method names.
package fanout

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/cenkalti/backoff/v5"
	"github.com/redis/go-redis/v9"
)

// Message is what is delivered.
type Message struct {
	Title string
	Body  string
	Link  string
}

// Notifier is one delivery channel.
type Notifier interface {
	Name() string
	Notify(ctx context.Context, userID string, msg Message) error
}

// Preferences tells which channels a user enabled.
type Preferences interface {
	GetChannels(ctx context.Context, userID string) ([]string, error)
	EnsureDefaults(ctx context.Context, userID string) error
}

// ErrPermanent marks a delivery that must not be retried (unknown user,
// unsubscribed address).
var ErrPermanent = errors.New("fanout: permanent failure")

// Dispatcher fans a message out to the enabled channels.
type Dispatcher struct {
	channels map[string]Notifier
	prefs    Preferences
	badges   *redis.Client
	log      *slog.Logger
	pause    time.Duration
}

// Dispatch delivers msg on every enabled channel concurrently, each
// channel once per user: a loop over distinct channels.
func (d *Dispatcher) Dispatch(ctx context.Context, userID string, msg Message) error {
	names, err := d.channelsFor(ctx, userID)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	errs := make([]error, len(names))
	for i, name := range names {
		n, ok := d.channels[name]
		if !ok {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = d.deliver(ctx, n, userID, msg)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// channelsFor reads the user's preferences, retried: a read.
func (d *Dispatcher) channelsFor(ctx context.Context, userID string) ([]string, error) {
	return backoff.Retry(ctx, func() ([]string, error) {
		return d.prefs.GetChannels(ctx, userID)
	}, backoff.WithMaxTries(3))
}

// deliver retries one channel until it accepts the message: a push whose
// acknowledgement timed out is delivered again, and the user gets it
// twice.
func (d *Dispatcher) deliver(ctx context.Context, n Notifier, userID string, msg Message) error {
	for attempt := 0; ; attempt++ {
		err := n.Notify(ctx, userID, msg) // check `Notifier\.Notify .*inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
		if errors.Is(err, ErrPermanent) || attempt == 4 {
			return fmt.Errorf("%s: %w", n.Name(), err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d.pause << attempt):
		}
	}
}

// deliverOnce tries a channel once and logs a failure: best effort.
func (d *Dispatcher) deliverOnce(ctx context.Context, n Notifier, userID string, msg Message) {
	if err := n.Notify(ctx, userID, msg); err != nil {
		d.log.Warn("notification dropped", "channel", n.Name(), "user", userID, "err", err)
	}
}

// Broadcast sends one message to many users on one channel, skipping
// users whose delivery fails: each iteration is a different user.
func (d *Dispatcher) Broadcast(ctx context.Context, channel string, users []string, msg Message) (sent int) {
	n := d.channels[channel]
	if n == nil {
		return 0
	}
	for _, u := range users {
		if err := n.Notify(ctx, u, msg); err != nil {
			continue
		}
		sent++
	}
	return sent
}

// NotifyWithBackoff retries a channel with cenkalti/backoff.
func (d *Dispatcher) NotifyWithBackoff(ctx context.Context, n Notifier, userID string, msg Message) error {
	_, err := backoff.Retry(ctx, func() (struct{}, error) {
		err := n.Notify(ctx, userID, msg) // check `Notifier\.Notify .*inside backoff\.Retry runs again on every retry`
		if errors.Is(err, ErrPermanent) {
			return struct{}{}, backoff.Permanent(err)
		}
		return struct{}{}, err
	}, backoff.WithMaxTries(5))
	return err
}

// ensureDefaults creates the user's default preferences if missing,
// retried: Ensure is idempotent by contract.
func (d *Dispatcher) ensureDefaults(ctx context.Context, userID string) error {
	_, err := backoff.Retry(ctx, func() (bool, error) {
		return true, d.prefs.EnsureDefaults(ctx, userID)
	}, backoff.WithMaxTries(3))
	return err
}

// BumpBadge increments the unread badge, retried on Redis errors: a
// retried INCR counts the notification twice.
func (d *Dispatcher) BumpBadge(ctx context.Context, userID string) (int64, error) {
	return backoff.Retry(ctx, func() (int64, error) {
		return d.badges.Incr(ctx, "badge:"+userID).Result() // want `Redis INCR inside backoff\.Retry runs again on every retry`
	}, backoff.WithMaxTries(3))
}

// ClearBadge resets the badge: SET is absolute.
func (d *Dispatcher) ClearBadge(ctx context.Context, userID string) error {
	_, err := backoff.Retry(ctx, func() (string, error) {
		return d.badges.Set(ctx, "badge:"+userID, 0, 0).Result()
	}, backoff.WithMaxTries(3))
	return err
}

// resend is the older recursive retry, still used by the digest job.
func (d *Dispatcher) resend(ctx context.Context, n Notifier, userID string, msg Message, retries int) error {
	err := n.Notify(ctx, userID, msg) // check `Notifier\.Notify .*inside Dispatcher\.resend, which calls itself again with retries-1 after a failure, runs again`
	if err == nil || retries == 0 {
		return err
	}
	time.Sleep(d.pause)
	return d.resend(ctx, n, userID, msg, retries-1)
}
