// Package flagged is configured through the analyzer flags: a retry
// helper the analysis cannot see through, a write it cannot recognise, and
// a call it would wrongly flag.
package flagged

import (
	"context"
	"sync"
)

// Pool runs jobs on workers and re-queues failed ones: a retry the
// analysis cannot see through (named by -unsaferetry.retryfuncs).
type Pool struct {
	mu   sync.Mutex
	jobs []func(context.Context) error
}

func (p *Pool) Submit(job func(context.Context) error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.jobs = append(p.jobs, job)
}

// Ledger records entries in a local append-only log that is shipped to
// the accounting system (named by -unsaferetry.mutating).
type Ledger struct{ entries []string }

func (l *Ledger) Record(ctx context.Context, entry string) error {
	l.entries = append(l.entries, entry)
	return nil
}

// Mailer sends receipts; the mail service deduplicates by message id
// (named by -unsaferetry.idempotent).
type Mailer interface {
	SendReceipt(ctx context.Context, orderID string) error
}

type Service struct {
	pool   *Pool
	ledger *Ledger
	mailer Mailer
}

func (s *Service) Complete(orderID string) {
	s.pool.Submit(func(ctx context.Context) error {
		if err := s.ledger.Record(ctx, orderID); err != nil { // want `Record .*inside Pool.Submit \(a retry function from -retryfuncs\) runs again on every retry`
			return err
		}
		return s.mailer.SendReceipt(ctx, orderID)
	})
}
