// Package outbox relays the transactional outbox table to Kafka and NATS.
package outbox

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/segmentio/kafka-go"
)

const (
	selectPending = `SELECT id, topic, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100`
	markSent      = `UPDATE outbox SET sent_at = now() WHERE id = $1`
)

// Event is one row of the outbox table.
type Event struct {
	ID      int64
	Topic   string
	Payload []byte
}

// Relay publishes pending outbox rows.
type Relay struct {
	db     *sql.DB
	writer *kafka.Writer
	js     nats.JetStreamContext
}

func (r *Relay) pending(ctx context.Context) ([]Event, error) {
	rows, err := r.db.QueryContext(ctx, selectPending)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Topic, &e.Payload); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// publishWithRetry retries the Kafka write: a write that reached the
// broker but timed out is written again.
func (r *Relay) publishWithRetry(ctx context.Context, e Event) error {
	msg := kafka.Message{Topic: e.Topic, Key: []byte(fmt.Sprint(e.ID)), Value: e.Payload}
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = r.writer.WriteMessages(ctx, msg); err == nil { // want `kafka-go Writer\.WriteMessages inside a retry loop runs again on every retry; the message can be published twice`
			return nil
		}
		time.Sleep(time.Second << attempt)
	}
	return err
}

// RunOnce relays every pending row once: a loop over distinct rows.
func (r *Relay) RunOnce(ctx context.Context) error {
	events, err := r.pending(ctx)
	if err != nil {
		return err
	}
	for _, e := range events {
		if err := r.writer.WriteMessages(ctx, kafka.Message{Topic: e.Topic, Value: e.Payload}); err != nil {
			return fmt.Errorf("relaying outbox %d: %w", e.ID, err)
		}
		if _, err := r.db.ExecContext(ctx, markSent, e.ID); err != nil {
			return err
		}
	}
	return nil
}

// Run polls the outbox forever: each round relays what is pending then.
func (r *Relay) Run(ctx context.Context) {
	ticker := time.NewTicker(5 * time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		if err := r.RunOnce(ctx); err != nil {
			log.Printf("outbox relay: %v", err)
		}
	}
}

// PublishJetStream retries with the outbox id as the message id:
// JetStream drops the duplicate.
func (r *Relay) PublishJetStream(ctx context.Context, e Event) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if _, err = r.js.Publish(e.Topic, e.Payload, nats.MsgId(fmt.Sprintf("outbox-%d", e.ID))); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// PublishJetStreamNoID retries without a message id.
func (r *Relay) PublishJetStreamNoID(ctx context.Context, e Event) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if _, err = r.js.Publish(e.Topic, e.Payload); err == nil { // want `NATS JetStream JetStreamContext\.Publish inside a retry loop runs again on every retry`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
