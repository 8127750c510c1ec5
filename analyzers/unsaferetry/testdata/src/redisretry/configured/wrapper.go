package configured

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Batch wraps a pipeline of the limiter's client: the commands it queues
// are sent, at Exec, through the client's retries.
type Batch struct {
	wrapped redis.Pipeliner
}

// NewBatch starts a batch.
func (l *Limiter) NewBatch() *Batch {
	p := l.rdb.Pipeline()
	return &Batch{wrapped: p}
}

// Incr queues an INCR.
func (b *Batch) Incr(key string) {
	b.wrapped.Incr(context.TODO(), key) // want `Redis INCR sent through go-redis's command retries`
}

// Set queues a SET: an absolute value, safe to repeat.
func (b *Batch) Set(key, value string) {
	b.wrapped.Set(context.TODO(), key, value, 0)
}

// Exec sends the batch.
func (b *Batch) Exec() error {
	_, err := b.wrapped.Exec(context.TODO())
	return err
}

// TxBatch wraps a transaction: MULTI … EXEC is not sent again after a
// read error.
type TxBatch struct {
	wrapped redis.Pipeliner
}

// TxBatch starts a transaction.
func (l *Limiter) TxBatch() *TxBatch {
	return &TxBatch{wrapped: l.rdb.TxPipeline()}
}

// Incr queues an INCR in the transaction.
func (b *TxBatch) Incr(key string) {
	b.wrapped.Incr(context.TODO(), key)
}
