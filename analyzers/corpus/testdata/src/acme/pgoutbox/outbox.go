// Package pgoutbox is a transactional outbox on PostgreSQL with pgx: the
// order and its event are written in one transaction, and a relay
// publishes pending events to NATS JetStream and marks them sent.
//
// JetStream deduplicates by message id within its window, so publishing
// with the outbox row's id is safe to retry; the legacy broker behind the
// Publisher interface has no such thing.
package pgoutbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"
)

const (
	insertOrder  = `INSERT INTO orders (id, customer_id, total_cents) VALUES ($1, $2, $3)`
	insertEvent  = `INSERT INTO outbox (id, topic, payload) VALUES ($1, $2, $3)`
	selectBatch  = `SELECT id, topic, payload FROM outbox WHERE sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`
	markSent     = `UPDATE outbox SET sent_at = now() WHERE id = $1`
	bumpAttempts = `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`
	requeueDead  = `INSERT INTO outbox (id, topic, payload) SELECT gen_random_uuid(), topic, payload FROM outbox_dead WHERE id = $1`
)

// Publisher is the legacy broker's client.
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

// Row is one outbox entry.
type Row struct {
	ID      string
	Topic   string
	Payload []byte
}

// Order is what PlaceOrder writes.
type Order struct {
	ID         string
	CustomerID string
	TotalCents int64
	Event      []byte
}

// Store writes orders and their events.
type Store struct{ pool *pgxpool.Pool }

// Relay publishes pending outbox rows.
type Relay struct {
	pool   *pgxpool.Pool
	js     jetstream.JetStream
	legacy Publisher
	batch  int
}

func isSerializationFailure(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "40001"
}

// enqueue adds the event inside the caller's transaction.
func enqueue(ctx context.Context, tx pgx.Tx, id, topic string, payload []byte) error {
	_, err := tx.Exec(ctx, insertEvent, id, topic, payload)
	return err
}

// PlaceOrder writes the order and its event in one transaction, re-run on
// serialization failures before COMMIT only: a failed attempt rolled back,
// and a failed COMMIT is returned to the caller.
func (s *Store) PlaceOrder(ctx context.Context, o Order) error {
	for attempt := 0; attempt < 5; attempt++ {
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			return err
		}
		if _, err = tx.Exec(ctx, insertOrder, o.ID, o.CustomerID, o.TotalCents); err == nil {
			err = enqueue(ctx, tx, o.ID, "orders.placed", o.Event)
		}
		if err != nil {
			_ = tx.Rollback(ctx)
			if isSerializationFailure(err) {
				continue
			}
			return err
		}
		return tx.Commit(ctx)
	}
	return fmt.Errorf("pgoutbox: order %s: too many serialization failures", o.ID)
}

// PlaceOrderRetryingCommit also goes round again when COMMIT failed: the
// connection may have dropped after the server committed.
func (s *Store) PlaceOrderRetryingCommit(ctx context.Context, o Order) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var tx pgx.Tx
		if tx, err = s.pool.Begin(ctx); err != nil {
			return err
		}
		if _, err = tx.Exec(ctx, insertOrder, o.ID, o.CustomerID, o.TotalCents); err != nil { // want `INSERT INTO orders inside a retry loop that also re-runs the transaction when COMMIT failed runs again on every retry; the INSERT may already be committed`
			_ = tx.Rollback(ctx)
			return err
		}
		if err = tx.Commit(ctx); err == nil {
			return nil
		}
	}
	return err
}

// Drain publishes one batch of pending rows to JetStream, each row once,
// with its id as the JetStream message id.
func (r *Relay) Drain(ctx context.Context) (int, error) {
	rows, err := r.pool.Query(ctx, selectBatch, r.batch)
	if err != nil {
		return 0, err
	}
	var pending []Row
	for rows.Next() {
		var row Row
		if err := rows.Scan(&row.ID, &row.Topic, &row.Payload); err != nil {
			return 0, err
		}
		pending = append(pending, row)
	}
	for _, row := range pending {
		if err := r.publish(ctx, row); err != nil {
			return 0, err
		}
		if err := r.markSent(ctx, row.ID); err != nil {
			return 0, err
		}
	}
	return len(pending), nil
}

// publish retries the JetStream publish with a stable message id: the
// stream drops the duplicate.
func (r *Relay) publish(ctx context.Context, row Row) error {
	return retry.Do(func() error {
		_, err := r.js.Publish(ctx, row.Topic, row.Payload, jetstream.WithMsgID(row.ID))
		return err
	}, retry.Attempts(5), retry.Context(ctx))
}

// PublishLegacy retries the legacy broker, which has no deduplication.
func (r *Relay) PublishLegacy(ctx context.Context, row Row) error {
	return retry.Do(func() error {
		return r.legacy.Publish(ctx, row.Topic, row.Payload) // check `Publisher\.Publish .*inside retry\.Do \(avast/retry-go\) runs again on every retry`
	}, retry.Attempts(5), retry.Context(ctx))
}

// markSent stamps the row: an absolute UPDATE, safe to retry.
func (r *Relay) markSent(ctx context.Context, id string) error {
	return backoff.Retry(func() error {
		_, err := r.pool.Exec(ctx, markSent, id)
		return err
	}, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}

// RecordFailure counts a failed publish, retried: the counter can be
// bumped twice for one failure.
func (r *Relay) RecordFailure(ctx context.Context, id string, cause error) error {
	return backoff.Retry(func() error {
		_, err := r.pool.Exec(ctx, bumpAttempts, id, cause.Error()) // want `UPDATE outbox inside backoff\.Retry runs again on every retry`
		return err
	}, backoff.WithContext(backoff.NewExponentialBackOff(), ctx))
}

// Requeue copies a dead-lettered row back into the outbox under a new id,
// retried: each attempt that committed adds another copy.
func (s *Store) Requeue(ctx context.Context, deadID string) error {
	return backoff.Retry(func() error {
		_, err := s.pool.Exec(ctx, requeueDead, deadID) // want `INSERT INTO outbox inside backoff\.Retry runs again on every retry`
		return err
	}, backoff.NewExponentialBackOff())
}

// Run drains the outbox every interval until ctx ends: a periodic job,
// not a retry.
func (r *Relay) Run(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if _, err := r.Drain(ctx); err != nil {
				return err
			}
		}
	}
}
