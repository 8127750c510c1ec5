// Package service retries the store's writes on the store's errors. A
// sentinel of another package is judged by what that package declared:
// store.ErrStale is an application error (silent), store.ErrSessionGone is
// a lost connection under a neutral name (reported). Its predicates are
// judged by their bodies there too: store.IsStale holds only on ErrStale
// (silent), store.IsDropped also on io.EOF (reported).
package service

import (
	"context"
	"errors"

	"example.com/invoicing/store"
)

type Service struct{ st *store.Store }

// Record goes round only when the store said the row was stale.
func (s *Service) Record(ctx context.Context, id string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := s.st.Add(ctx, id, amount)
		if errors.Is(err, store.ErrStale) {
			continue
		}
		return err
	}
	return store.ErrStale
}

// RecordAfterDrop goes round when the connection went away.
func (s *Service) RecordAfterDrop(ctx context.Context, id string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := s.st.Add(ctx, id, amount) // want `Store.Add \(INSERT INTO invoices\) inside a retry loop runs again on every retry`
		if errors.Is(err, store.ErrSessionGone) {
			continue
		}
		return err
	}
	return store.ErrSessionGone
}

// RecordChecked asks the store's predicate, which holds only on a stale
// row: silent.
func (s *Service) RecordChecked(ctx context.Context, id string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := s.st.Add(ctx, id, amount)
		if err != nil && store.IsStale(err) {
			continue
		}
		return err
	}
	return nil
}

// RecordUnlessGone asks the store's predicate for a dropped connection.
func (s *Service) RecordUnlessGone(ctx context.Context, id string, amount int64) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := s.st.Add(ctx, id, amount) // want `Store.Add \(INSERT INTO invoices\) inside a retry loop runs again on every retry`
		if store.IsDropped(err) {
			continue
		}
		return err
	}
	return nil
}
