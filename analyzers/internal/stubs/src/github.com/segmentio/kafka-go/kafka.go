// Package kafka is a stub of github.com/segmentio/kafka-go for analyzer
// tests: the real signatures of the functions twice matches.
package kafka

import (
	"context"
	"net"
)

type Header struct {
	Key   string
	Value []byte
}

type Message struct {
	Topic   string
	Key     []byte
	Value   []byte
	Headers []Header
}

type Writer struct {
	Addr         net.Addr
	Topic        string
	RequiredAcks int
}

func TCP(address ...string) net.Addr { return nil }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }
func (w *Writer) Close() error                                             { return nil }

type Reader struct{}

func (r *Reader) ReadMessage(ctx context.Context) (Message, error)  { return Message{}, nil }
func (r *Reader) FetchMessage(ctx context.Context) (Message, error) { return Message{}, nil }
func (r *Reader) CommitMessages(ctx context.Context, msgs ...Message) error {
	return nil
}
