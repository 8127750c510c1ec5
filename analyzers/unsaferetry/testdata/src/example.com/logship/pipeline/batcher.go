// Package pipeline batches events for an output plugin and hands each
// batch to the plugin's out function, again and again until it succeeds.
package pipeline

import "time"

// Batch is a group of events.
type Batch struct{ Events [][]byte }

// OutFn sends one batch.
type OutFn func(b *Batch) error

// RetriableBatcher calls its out function until the batch is sent.
type RetriableBatcher struct {
	outFn   OutFn
	onError func(err error)
	wait    time.Duration
}

// NewRetriableBatcher keeps outFn, which Out retries, and onError, which
// it calls once.
func NewRetriableBatcher(outFn OutFn, onError func(err error)) *RetriableBatcher {
	return &RetriableBatcher{outFn: outFn, onError: onError, wait: time.Second}
}

// Out is called by the batcher's workers for each batch.
func (b *RetriableBatcher) Out(batch *Batch) {
	for tries := 0; ; tries++ {
		err := b.outFn(batch)
		if err == nil {
			return
		}
		if tries == 10 {
			b.onError(err)
			return
		}
		time.Sleep(b.wait)
	}
}
