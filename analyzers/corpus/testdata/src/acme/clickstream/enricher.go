// Package clickstream consumes raw click events from Kafka, enriches them
// with a region and produces them to the enriched topic. Events that cannot
// be enriched go to a dead-letter topic through Sarama, and every event is
// also indexed in the search cluster.
//
// Offsets are committed after processing (at-least-once), so a crash
// between produce and commit replays a message: that is the documented
// contract with the downstream consumers, who deduplicate by event id. What
// is not in the contract is a produce repeated by our own retries.
package clickstream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/IBM/sarama"
	"github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v5"
	"github.com/go-resty/resty/v2"
	"github.com/segmentio/kafka-go"
)

// GeoLookup resolves an IP address to a region.
type GeoLookup interface {
	Lookup(ctx context.Context, ip string) (string, error)
}

// Click is one raw click event.
type Click struct {
	EventID string    `json:"event_id"`
	IP      string    `json:"ip"`
	URL     string    `json:"url"`
	At      time.Time `json:"at"`
	Region  string    `json:"region,omitempty"`
}

// Processor is one consumer-group member.
type Processor struct {
	reader *kafka.Reader
	writer *kafka.Writer
	dlq    sarama.SyncProducer
	geo    GeoLookup
	search *resty.Client
	log    *slog.Logger
}

// NewProcessor wires the processor; the search client retries failed
// requests three times.
func NewProcessor(r *kafka.Reader, w *kafka.Writer, dlq sarama.SyncProducer, geo GeoLookup, searchURL string, log *slog.Logger) *Processor {
	search := resty.New().
		SetBaseURL(searchURL).
		SetTimeout(5 * time.Second).
		SetRetryCount(3).
		SetRetryWaitTime(200 * time.Millisecond)
	return &Processor{reader: r, writer: w, dlq: dlq, geo: geo, search: search, log: log}
}

// Run is the consumer loop: fetch, process, commit. Each iteration handles
// a different message; a failed message is dead-lettered, not retried here.
func (p *Processor) Run(ctx context.Context) error {
	for {
		m, err := p.reader.FetchMessage(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return fmt.Errorf("clickstream: fetch: %w", err)
		}
		if err := p.handle(ctx, m); err != nil {
			p.log.Error("click not processed", "offset_key", string(m.Key), "err", err)
			if err := p.deadLetter(ctx, m, err); err != nil {
				return err
			}
		}
		if err := p.commit(ctx, m); err != nil {
			return fmt.Errorf("clickstream: commit: %w", err)
		}
	}
}

// handle enriches one click and produces it once.
func (p *Processor) handle(ctx context.Context, m kafka.Message) error {
	var c Click
	if err := json.Unmarshal(m.Value, &c); err != nil {
		return fmt.Errorf("decoding click: %w", err)
	}
	region, err := p.lookupRegion(ctx, c.IP)
	if err != nil {
		return err
	}
	c.Region = region
	out, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return p.writer.WriteMessages(ctx, kafka.Message{Key: m.Key, Value: out})
}

// lookupRegion retries the geo lookup: a read.
func (p *Processor) lookupRegion(ctx context.Context, ip string) (string, error) {
	if net.ParseIP(ip) == nil {
		return "unknown", nil
	}
	return backoff.Retry(ctx, func() (string, error) {
		return p.geo.Lookup(ctx, ip)
	}, backoff.WithMaxTries(4))
}

// ProduceEnriched produces with its own retry loop, on top of the writer's
// own retries: a write acknowledged late is produced again.
func (p *Processor) ProduceEnriched(ctx context.Context, key, value []byte) error {
	var err error
	for attempt := 1; attempt <= 5; attempt++ {
		err = p.writer.WriteMessages(ctx, kafka.Message{Key: key, Value: value}) // want `kafka-go .*WriteMessages inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
		if !isTransient(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoffFor(attempt)):
		}
	}
	return err
}

// deadLetter sends the message to the DLQ topic, retried by retry-go.
func (p *Processor) deadLetter(ctx context.Context, m kafka.Message, cause error) error {
	msg := &sarama.ProducerMessage{
		Topic:   "clicks.dlq",
		Key:     sarama.ByteEncoder(m.Key),
		Value:   sarama.ByteEncoder(m.Value),
		Headers: []sarama.RecordHeader{{Key: []byte("cause"), Value: []byte(cause.Error())}},
	}
	return retry.Do(func() error {
		_, _, err := p.dlq.SendMessage(msg) // want `SendMessage inside retry\.Do \(avast/retry-go\) runs again on every retry`
		return err
	}, retry.Attempts(3), retry.Context(ctx))
}

// Replay produces each message of a batch once, stopping at the first
// failure: a loop over distinct items.
func (p *Processor) Replay(ctx context.Context, batch []kafka.Message) error {
	for i, m := range batch {
		if err := p.writer.WriteMessages(ctx, m); err != nil {
			return fmt.Errorf("replaying message %d: %w", i, err)
		}
	}
	return nil
}

// commit commits the offset, retried: committing the same offset twice is
// harmless.
func (p *Processor) commit(ctx context.Context, m kafka.Message) error {
	return retry.Do(func() error {
		return p.reader.CommitMessages(ctx, m)
	}, retry.Attempts(5), retry.Context(ctx))
}

// IndexClick adds the click to the search index with POST /clicks/_doc,
// which assigns a new document id on every request: the resty client's
// retries index it twice.
func (p *Processor) IndexClick(ctx context.Context, c Click) error {
	_, err := p.search.R(). // check `POST /clicks/_doc sent through resty's SetRetryCount`
				SetContext(ctx).
				SetBody(c).
				Post("/clicks/_doc")
	return err
}

// IndexClickByID puts the document under the event id: a repeat
// overwrites it.
func (p *Processor) IndexClickByID(ctx context.Context, c Click) error {
	_, err := p.search.R().
		SetContext(ctx).
		SetBody(c).
		SetPathParam("id", c.EventID).
		Put("/clicks/_doc/{id}")
	return err
}

func isTransient(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func backoffFor(attempt int) time.Duration {
	return time.Duration(attempt*attempt) * 100 * time.Millisecond
}

// SimilarClicks queries the search cluster through the retrying client:
// POST /_search carries a query, it writes nothing.
func (p *Processor) SimilarClicks(ctx context.Context, url string) ([]Click, error) {
	var out struct {
		Hits struct {
			Hits []struct {
				Source Click `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	_, err := p.search.R().
		SetContext(ctx).
		SetBody(map[string]any{"query": map[string]any{"term": map[string]any{"url": url}}}).
		SetResult(&out).
		Post("/clicks/_search")
	if err != nil {
		return nil, err
	}
	clicks := make([]Click, 0, len(out.Hits.Hits))
	for _, h := range out.Hits.Hits {
		clicks = append(clicks, h.Source)
	}
	return clicks, nil
}
