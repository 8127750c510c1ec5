// Package sarama is a stub of github.com/Shopify/sarama for analyzer tests: the
// real signatures of the functions twice matches.
package sarama

import "time"

type Encoder interface {
	Encode() ([]byte, error)
	Length() int
}

type StringEncoder string

func (s StringEncoder) Encode() ([]byte, error) { return []byte(s), nil }
func (s StringEncoder) Length() int             { return len(s) }

type ByteEncoder []byte

func (b ByteEncoder) Encode() ([]byte, error) { return b, nil }
func (b ByteEncoder) Length() int             { return len(b) }

type RecordHeader struct {
	Key   []byte
	Value []byte
}

type ProducerMessage struct {
	Topic   string
	Key     Encoder
	Value   Encoder
	Headers []RecordHeader
}

type Config struct {
	Producer struct {
		Idempotent bool
		Return     struct{ Successes bool }
		Retry      struct {
			Max     int
			Backoff time.Duration
		}
		RequiredAcks int16
	}
}

func NewConfig() *Config { return &Config{} }

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)
	SendMessages(msgs []*ProducerMessage) error
	Close() error
}

func NewSyncProducer(addrs []string, config *Config) (SyncProducer, error) { return nil, nil }

// AsyncProducer publishes the messages sent to its Input channel.
type AsyncProducer interface {
	Input() chan<- *ProducerMessage
	Successes() <-chan *ProducerMessage
	Close() error
}

func NewAsyncProducer(addrs []string, config *Config) (AsyncProducer, error) { return nil, nil }
