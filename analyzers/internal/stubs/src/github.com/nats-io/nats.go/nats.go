// Package nats is a stub of github.com/nats-io/nats.go for analyzer tests:
// the real signatures of the functions twice matches.
package nats

import (
	"errors"
	"time"
)

const MsgIdHdr = "Nats-Msg-Id"

type Header map[string][]string

func (h Header) Add(key, value string) { h[key] = append(h[key], value) }
func (h Header) Set(key, value string) { h[key] = []string{value} }
func (h Header) Get(key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

type Msg struct {
	Subject string
	Reply   string
	Header  Header
	Data    []byte
}

func NewMsg(subject string) *Msg { return &Msg{Subject: subject, Header: Header{}} }

type Option func(*Options) error

type Options struct{ Url string }

// ErrTimeout is returned when a request gets no reply in time.
var ErrTimeout = errors.New("nats: timeout")

type Conn struct{}

func Connect(url string, options ...Option) (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Publish(subj string, data []byte) error               { return nil }
func (nc *Conn) PublishMsg(m *Msg) error                              { return nil }
func (nc *Conn) PublishRequest(subj, reply string, data []byte) error { return nil }
func (nc *Conn) Request(subj string, data []byte, timeout time.Duration) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) Flush() error                                      { return nil }
func (nc *Conn) Close()                                            {}
func (nc *Conn) JetStream(opts ...JSOpt) (JetStreamContext, error) { return nil, nil }

type JSOpt interface{ configureJSContext() }

type PubOpt interface{ configurePublish() }

type pubOpt func()

func (pubOpt) configurePublish() {}

func MsgId(id string) PubOpt            { return pubOpt(func() {}) }
func ExpectStream(stream string) PubOpt { return pubOpt(func() {}) }
func RetryAttempts(num int) PubOpt      { return pubOpt(func() {}) }

type PubAck struct {
	Stream    string
	Sequence  uint64
	Duplicate bool
}

type PubAckFuture interface {
	Ok() <-chan *PubAck
	Err() <-chan error
}

type JetStreamContext interface {
	Publish(subj string, data []byte, opts ...PubOpt) (*PubAck, error)
	PublishMsg(m *Msg, opts ...PubOpt) (*PubAck, error)
	PublishAsync(subj string, data []byte, opts ...PubOpt) (PubAckFuture, error)
	PublishMsgAsync(m *Msg, opts ...PubOpt) (PubAckFuture, error)
}
