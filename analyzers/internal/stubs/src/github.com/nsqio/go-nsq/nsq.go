// Package nsq is a stub of github.com/nsqio/go-nsq for analyzer tests: the
// real signatures of the consumer and producer calls twice matches.
package nsq

import "time"

type Config struct{ MaxAttempts uint16 }

func NewConfig() *Config { return &Config{MaxAttempts: 5} }

type Message struct {
	ID        [16]byte
	Body      []byte
	Attempts  uint16
	Timestamp int64
}

func (m *Message) Finish()                               {}
func (m *Message) Requeue(delay time.Duration)           {}
func (m *Message) DisableAutoResponse()                  {}
func (m *Message) Touch()                                {}
func (m *Message) RequeueWithoutBackoff(d time.Duration) {}

// Handler handles a message; an error it returns makes the consumer
// requeue the message, which nsqd delivers again.
type Handler interface {
	HandleMessage(message *Message) error
}

type HandlerFunc func(message *Message) error

func (h HandlerFunc) HandleMessage(m *Message) error { return h(m) }

type Consumer struct{ handlers []Handler }

func NewConsumer(topic, channel string, config *Config) (*Consumer, error) { return &Consumer{}, nil }

func (r *Consumer) AddHandler(handler Handler) { r.handlers = append(r.handlers, handler) }
func (r *Consumer) AddConcurrentHandlers(handler Handler, concurrency int) {
	r.handlers = append(r.handlers, handler)
}
func (r *Consumer) ConnectToNSQLookupd(addr string) error { return nil }
func (r *Consumer) Stop()                                 {}
