// Package orders uses the company's retry package.
package orders

import (
	"context"

	"example.com/retryutil"
)

type Service struct{}

func (s *Service) writeOrder(ctx context.Context, id string) error { return nil }

// retryQuick passes its func on to another helper: transitively a helper.
func retryQuick(ctx context.Context, fn func(context.Context) error) error {
	return retryutil.Do(ctx, 2, fn)
}

func (s *Service) Place(ctx context.Context, id string) error {
	return retryutil.Do(ctx, 3, func(ctx context.Context) error {
		return s.writeOrder(ctx, id) // want "retried by retryutil.Do \\(retries its func argument\\)"
	})
}

func (s *Service) PlaceBackoff(ctx context.Context, id string) error {
	return retryutil.WithBackoff(func() error {
		return s.writeOrder(ctx, id) // want "retried by retryutil.WithBackoff \\(retries its func argument\\)"
	})
}

func (s *Service) PlaceQuick(ctx context.Context, id string) error {
	return retryQuick(ctx, func(ctx context.Context) error {
		return s.writeOrder(ctx, id) // want "retried by orders.retryQuick \\(retries its func argument\\)"
	})
}

func (s *Service) PlaceRetrier(ctx context.Context, id string) error {
	return retryutil.NewRetrier(3).Do(func(r *retryutil.Retrier) error {
		return s.writeOrder(ctx, id) // want "retried by Retrier.Do \\(retries its func argument\\)"
	})
}

func (s *Service) PlaceWith(ctx context.Context, id string) error {
	return retryutil.DoWith(func() error {
		return s.writeOrder(ctx, id) // want "retried by retryutil.DoWith \\(retries its func argument\\)"
	}, func(r *retryutil.Retrier) {})
}

func (s *Service) PlaceTwice(ctx context.Context, id string) error {
	return retryutil.Twice(func() error { return s.writeOrder(ctx, id) })
}

func (s *Service) writeOrderID(ctx context.Context, id string) (string, error) { return id, nil }

func (s *Service) PlaceGeneric(ctx context.Context, id string) (string, error) {
	return retryutil.Value(ctx, 3, func(ctx context.Context) (string, error) {
		return s.writeOrderID(ctx, id) // want "retried by retryutil.Value \\(retries its func argument\\)"
	})
}

func (s *Service) PlaceTyped(ctx context.Context, id string) (string, error) {
	r := &retryutil.Typed[string]{Attempts: 3}
	return r.Run(func() (string, error) {
		return s.writeOrderID(ctx, id) // want "retried by Typed.Run \\(retries its func argument\\)"
	})
}
