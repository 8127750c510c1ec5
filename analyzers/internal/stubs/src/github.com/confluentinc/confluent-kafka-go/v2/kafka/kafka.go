// Package kafka is a stub of github.com/confluentinc/confluent-kafka-go/v2/kafka
// for analyzer tests: the real signatures of the functions twice matches.
package kafka

type ConfigValue interface{}

type ConfigMap map[string]ConfigValue

func (m ConfigMap) SetKey(key string, value ConfigValue) error { m[key] = value; return nil }

type TopicPartition struct {
	Topic     *string
	Partition int32
}

const PartitionAny = int32(-1)

type Message struct {
	TopicPartition TopicPartition
	Value          []byte
	Key            []byte
}

type Event interface{ String() string }

type Producer struct{}

func NewProducer(conf *ConfigMap) (*Producer, error) { return &Producer{}, nil }

func (p *Producer) Produce(msg *Message, deliveryChan chan Event) error { return nil }
func (p *Producer) Flush(timeoutMs int) int                             { return 0 }
func (p *Producer) Close()                                              {}
