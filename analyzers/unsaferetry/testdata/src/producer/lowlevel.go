package producer

import (
	"context"
	"errors"
	"io"
	"syscall"
	"time"

	"github.com/segmentio/kafka-go"
)

// PartitionWriter sends batches with kafka-go's low-level client: one
// Produce request per attempt.
type PartitionWriter struct {
	client      *kafka.Client
	topic       string
	partition   int
	maxAttempts int
}

// NewPartitionWriter: every user names the number of attempts.
func NewPartitionWriter(client *kafka.Client, topic string, partition, attempts int) *PartitionWriter {
	return &PartitionWriter{client: client, topic: topic, partition: partition, maxAttempts: attempts}
}

// transient reports errors after which the request may have been written:
// a reset connection or a cut-off response.
func transient(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

func (w *PartitionWriter) produce(ctx context.Context, recs []kafka.Record) (*kafka.ProduceResponse, error) {
	return w.client.Produce(ctx, &kafka.ProduceRequest{
		Topic: w.topic, Partition: w.partition, RequiredAcks: -1, Records: kafka.NewRecordReader(recs...),
	})
}

// WriteBatch retries the Produce request on transient network errors,
// which also happen after the broker appended the batch.
func (w *PartitionWriter) WriteBatch(ctx context.Context, recs []kafka.Record) error {
	var err error
	for attempt := 0; attempt < w.maxAttempts; attempt++ {
		if attempt != 0 {
			time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
		}
		var res *kafka.ProduceResponse
		res, err = w.produce(ctx, recs) // want `PartitionWriter\.produce \(kafka-go Client\.Produce\) inside a retry loop runs again on every retry; the message can be published twice .*deduplication id`
		if res != nil {
			err = res.Error
		}
		if err == nil {
			break
		}
		if !transient(err) {
			break
		}
	}
	return err
}

// WriteEach produces one request per partition: distinct items, no retry.
func (w *PartitionWriter) WriteEach(ctx context.Context, parts map[int][]kafka.Record) error {
	for p, recs := range parts {
		if _, err := w.client.Produce(ctx, &kafka.ProduceRequest{Topic: w.topic, Partition: p, Records: kafka.NewRecordReader(recs...)}); err != nil {
			return err
		}
	}
	return nil
}

// WriteToLeader writes through a leader connection and redials when the
// connection broke, writing the messages again.
func WriteToLeader(ctx context.Context, addr, topic string, msgs []kafka.Message) error {
	for {
		conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0)
		if err != nil {
			return err
		}
		_, err = conn.WriteMessages(msgs...) // want `kafka-go Conn\.WriteMessages inside a retry loop runs again on every retry; the message can be published twice`
		conn.Close()
		if err == nil {
			return nil
		}
		if !transient(err) {
			return err
		}
	}
}

// ReadOne reads through a leader connection, retrying reads only.
func ReadOne(ctx context.Context, addr, topic string) (kafka.Message, error) {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0)
	if err != nil {
		return kafka.Message{}, err
	}
	defer conn.Close()
	for {
		msg, err := conn.ReadMessage(1 << 20)
		if err == nil {
			return msg, nil
		}
		if !transient(err) {
			return kafka.Message{}, err
		}
	}
}
