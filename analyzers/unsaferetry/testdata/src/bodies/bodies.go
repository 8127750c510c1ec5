// Package bodies retries calls whose names read like writes but whose
// bodies twice has analyzed (or whose signatures say they only encode into
// memory): they are judged by what they do, not by their names.
package bodies

import (
	"context"

	"github.com/avast/retry-go/v4"

	"example.com/cloudsdk/queue"
	"example.com/dnsclient"
	"example.com/eventbus"
	"example.com/jsonenc"
	"example.com/wiredriver"
)

type Service struct {
	queues   *queue.Client
	dns      *dnsclient.Client
	bus      *eventbus.Bus
	hooks    eventbus.Registry
	plugin   dnsclient.QueryAppender
	appender jsonenc.Appender
}

// Every SDK operation inserts middleware into an in-memory stack; a list
// operation is a read even so.
func (s *Service) Queues(ctx context.Context) ([]string, error) {
	var urls []string
	err := retry.Do(func() error {
		out, err := s.queues.ListQueues(ctx, &queue.ListQueuesInput{Prefix: "jobs-"})
		if err != nil {
			return err
		}
		urls = out.QueueURLs
		return nil
	})
	return urls, err
}

// The SDK's create goes through a transport twice cannot see, and names
// the queue: a repeat answers with the queue the first attempt made.
func (s *Service) EnsureQueue(ctx context.Context, name string) error {
	return retry.Do(func() error {
		_, err := s.queues.CreateQueue(ctx, &queue.CreateQueueInput{QueueName: name})
		return err
	})
}

func (s *Service) Encode(vals []float64) ([]byte, error) {
	var b []byte
	for _, v := range vals {
		err := retry.Do(func() error {
			var err error
			b, err = jsonenc.AppendNumber(b, v)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (s *Service) EncodeAll(enc *jsonenc.Encoder, v any) error {
	return retry.Do(func() error { return enc.AppendValue(v) })
}

// An interface method that takes and returns a buffer encodes in memory.
func (s *Service) AppendSelf(b []byte) ([]byte, error) {
	var out []byte
	err := retry.Do(func() error {
		var err error
		out, err = s.appender.AppendJSON(b)
		return err
	})
	return out, err
}

func (s *Service) Resolve(ctx context.Context, name string) (*dnsclient.Msg, error) {
	var answer *dnsclient.Msg
	err := retry.Do(func() error {
		var err error
		answer, err = s.dns.SendQuery(ctx, &dnsclient.Msg{Question: name})
		return err
	})
	return answer, err
}

func (s *Service) Extend(ctx context.Context, b []byte) ([]byte, error) {
	var out []byte
	err := retry.Do(func() error {
		var err error
		out, err = s.plugin.AppendQuery(ctx, b)
		return err
	})
	return out, err
}

type auditListener struct{}

func (auditListener) OnEvent(eventbus.Event) error { return nil }

// Registering a listener or a hook records a callback in this process.
func (s *Service) Subscribe() error {
	if err := retry.Do(func() error { return s.bus.RegisterListener("order.created", auditListener{}) }); err != nil {
		return err
	}
	return retry.Do(func() error {
		return s.hooks.RegisterHook("order.created", func(eventbus.Event) error { return nil })
	})
}

// A driver operation encodes its batch through an exported interface whose
// encoder returns the buffer second: judged as an encoder, not an append.
func (s *Service) Aggregate(ctx context.Context, op *wiredriver.Operation) error {
	return retry.Do(func() error { return op.Execute(ctx) })
}

// The same encoder called directly in the retried function.
func (s *Service) EncodeBatch(b wiredriver.Batches) ([]byte, error) {
	var out []byte
	err := retry.Do(func() error {
		var err error
		_, out, err = b.AppendBatchArray(out[:0], 100, 1<<20)
		return err
	})
	return out, err
}

// A sealed exported interface of an analyzed package is judged by its
// implementations there: the pooled connection writes a frame, no remote
// create or send that twice can name.
func (s *Service) Ping(ctx context.Context, t wiredriver.Transport, frame []byte) error {
	return retry.Do(func() error { return t.SendMessage(ctx, frame) })
}
