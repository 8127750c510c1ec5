// Package kafka is a stub of github.com/segmentio/kafka-go for analyzer
// tests: the real signatures of the functions twice matches.
package kafka

import (
	"context"
	"net"
	"time"
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
	MaxAttempts  int
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

// The low-level client: one Produce request per call, sent through the
// client's RoundTripper. kafka-go has no idempotent producer.

type RequiredAcks int

type Record struct {
	Offset  int64
	Key     []byte // a ByteSequence in the real library
	Value   []byte
	Headers []Header
}

type RecordReader interface {
	ReadRecord() (*Record, error)
}

func NewRecordReader(records ...Record) RecordReader { return nil }

type ProduceRequest struct {
	Addr         net.Addr
	Topic        string
	Partition    int
	RequiredAcks RequiredAcks
	Records      RecordReader
}

type ProduceResponse struct {
	Throttle   time.Duration
	Error      error
	BaseOffset int64
}

type Client struct {
	Addr    net.Addr
	Timeout time.Duration
}

func (c *Client) Produce(ctx context.Context, req *ProduceRequest) (*ProduceResponse, error) {
	return nil, nil
}

// Conn is a connection to one partition leader.
type Conn struct{}

type CompressionCodec interface {
	Code() int8
	Name() string
}

func DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return nil, nil
}

func (c *Conn) Write(b []byte) (int, error)                { return 0, nil }
func (c *Conn) WriteMessages(msgs ...Message) (int, error) { return 0, nil }
func (c *Conn) ReadMessage(maxBytes int) (Message, error)  { return Message{}, nil }
func (c *Conn) SetWriteDeadline(t time.Time) error         { return nil }
func (c *Conn) Close() error                               { return nil }
func (c *Conn) WriteCompressedMessages(codec CompressionCodec, msgs ...Message) (nbytes int, err error) {
	return 0, nil
}
func (c *Conn) WriteCompressedMessagesAt(codec CompressionCodec, msgs ...Message) (nbytes int, partition int32, offset int64, appendTime time.Time, err error) {
	return 0, 0, 0, time.Time{}, nil
}
