// Package producer is an asynchronous Kafka producer: a goroutine drains
// the input channel and writes each batch. A failed batch is put back on
// the input with its retry counter advanced — a retry by requeue, which
// writes the batch again even when the broker stored it and only the
// acknowledgement was lost. Failures sent to an errors channel, and
// batches passed on to the next stage, are not retries.
package producer

import (
	"context"
	"log"

	"github.com/segmentio/kafka-go"
)

type batch struct {
	msgs    []kafka.Message
	retries int
}

type Producer struct {
	w          *kafka.Writer
	input      chan *batch
	errors     chan error
	next       chan *batch
	maxRetries int
}

// run retries a failed batch by requeueing it.
func (p *Producer) run(ctx context.Context) {
	for b := range p.input {
		if err := p.w.WriteMessages(ctx, b.msgs...); err != nil { // want `kafka-go Writer.WriteMessages .*inside a requeue that puts the failed message back on p.input with its attempt counter advanced runs again on every retry`
			if b.retries < p.maxRetries {
				b.retries++
				p.input <- b
				continue
			}
			p.errors <- err
		}
	}
}

// runOnce reports failures and never writes a batch twice.
func (p *Producer) runOnce(ctx context.Context) {
	for b := range p.input {
		if err := p.w.WriteMessages(ctx, b.msgs...); err != nil {
			log.Printf("producer: dropping batch: %v", err)
			p.errors <- err
		}
	}
}

// forward writes each batch and hands it on to the next stage: a
// pipeline, not a retry.
func (p *Producer) forward(ctx context.Context) {
	for b := range p.input {
		if err := p.w.WriteMessages(ctx, b.msgs...); err == nil {
			b.retries = 0
			p.next <- b
		}
	}
}
