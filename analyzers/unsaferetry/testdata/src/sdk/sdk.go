// Package sdk calls generated SDK clients through interfaces, retried by
// k8s wait and client-go helpers.
package sdk

import (
	"context"
	"errors"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/util/retry"
)

var ErrAlreadyExists = errors.New("already exists")

type Notification struct{ To, Body string }

type Release struct {
	Tag             string
	ResourceVersion string
}

// Notifier is a remote notification service.
type Notifier interface {
	Notify(ctx context.Context, n Notification) error
}

// Releases is a generated API client.
type Releases interface {
	CreateRelease(ctx context.Context, r *Release) (*Release, error)
	GetRelease(ctx context.Context, tag string) (*Release, error)
	ReleaseExists(ctx context.Context, tag string) (bool, error)
	PutRelease(ctx context.Context, r *Release) error
	DeleteRelease(ctx context.Context, tag string) error
	UpdateRelease(ctx context.Context, r *Release) (*Release, error)
}

type Service struct {
	notifier Notifier
	releases Releases
}

func (s *Service) Alert(ctx context.Context, n Notification) error {
	return wait.ExponentialBackoffWithContext(ctx, wait.Backoff{Steps: 5, Duration: time.Second, Factor: 2}, func(ctx context.Context) (bool, error) {
		if err := s.notifier.Notify(ctx, n); err != nil { // want `Notifier.Notify .*inside wait.ExponentialBackoffWithContext runs again on every retry`
			return false, nil
		}
		return true, nil
	})
}

// Publish creates the release under the caller's tag: a repeat is refused
// (the tag is the release's key), so the name judges nothing.
func (s *Service) Publish(ctx context.Context, tag string) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		_, err := s.releases.CreateRelease(ctx, &Release{Tag: tag})
		return err
	})
}

// Idempotent verbs stay silent.
func (s *Service) Sync(ctx context.Context, r *Release) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		if _, err := s.releases.GetRelease(ctx, r.Tag); err != nil {
			return err
		}
		if err := s.releases.PutRelease(ctx, r); err != nil {
			return err
		}
		return s.releases.DeleteRelease(ctx, "old-"+r.Tag)
	})
}

// EnsureRelease treats AlreadyExists as done: create-if-missing.
func (s *Service) EnsureRelease(ctx context.Context, tag string) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		_, err := s.releases.CreateRelease(ctx, &Release{Tag: tag})
		if errors.Is(err, ErrAlreadyExists) {
			return nil
		}
		return err
	})
}

// EnsureReleaseLooked looks the tag up first and stops when it exists:
// create-if-missing under a fixed name.
func (s *Service) EnsureReleaseLooked(ctx context.Context, tag string) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		if _, err := s.releases.GetRelease(ctx, tag); err == nil {
			return nil
		}
		_, err := s.releases.CreateRelease(ctx, &Release{Tag: tag})
		return err
	})
}

// EnsureReleaseMissing creates only when the lookup says not found.
func (s *Service) EnsureReleaseMissing(ctx context.Context, tag string) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		rel, err := s.releases.GetRelease(ctx, tag)
		if rel == nil {
			_, err = s.releases.CreateRelease(ctx, &Release{Tag: tag})
		}
		return err
	})
}

// EnsureReleaseExists asks whether the tag exists and stops if so.
func (s *Service) EnsureReleaseExists(ctx context.Context, tag string) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		exists, err := s.releases.ReleaseExists(ctx, tag)
		if err != nil {
			return err
		}
		if exists {
			return nil
		}
		_, err = s.releases.CreateRelease(ctx, &Release{Tag: tag})
		return err
	})
}

// EnsureFirstRelease asks the same client for any release first
// (goose-style: "res, err := store.Get…; err == nil && res != nil").
func (s *Service) EnsureFirstRelease(ctx context.Context) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		if res, err := s.releases.GetRelease(ctx, "v0"); err == nil && res != nil {
			return nil
		}
		_, err := s.releases.CreateRelease(ctx, &Release{})
		return err
	})
}

// PublishAfterCheck only checks that the lookup succeeded; the create is
// keyed by its tag all the same, so a repeat is refused.
func (s *Service) PublishAfterCheck(ctx context.Context, tag string) error {
	return retry.OnError(retry.DefaultBackoff, func(error) bool { return true }, func() error {
		if _, err := s.releases.GetRelease(ctx, tag); err != nil {
			return err
		}
		_, err := s.releases.CreateRelease(ctx, &Release{Tag: "v" + tag})
		return err
	})
}

// Conflicts are safe by design.
func (s *Service) Bump(ctx context.Context, r *Release) error {
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		_, err := s.releases.CreateRelease(ctx, r)
		return err
	})
}
