package mutation

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"
)

// publisher names the writing methods of one receiver type of a library
// (a broker client's publishes; mail.go's sends).
type publisher struct {
	pkg, recv string   // package path and receiver type name ("" for package-level functions)
	methods   []string // writing methods
	lib       string   // short library name for Desc
	effect    string   // what a repeat does; "" for a message published twice
}

// unsentOnError are the fire-and-forget publishes whose error means the
// message was not handed to the broker: AMQP 0-9-1 without publisher
// confirms (the frames were not written, or the channel was closed) and
// core NATS (the connection was closed or the message too large). A
// publish that waits for an acknowledgement (JetStream, Kafka, a deferred
// confirm) can fail after the broker stored the message.
var unsentOnError = map[string]bool{
	"github.com/rabbitmq/amqp091-go.Channel.Publish": true, "github.com/rabbitmq/amqp091-go.Channel.PublishWithContext": true,
	"github.com/streadway/amqp.Channel.Publish": true,
	"github.com/nats-io/nats.go.Conn.Publish":   true, "github.com/nats-io/nats.go.Conn.PublishMsg": true,
}

var publishers = []publisher{
	{"github.com/segmentio/kafka-go", "Writer", []string{"WriteMessages"}, "kafka-go", ""},
	// The low-level client and a partition leader's connection: each call
	// sends one Produce request (kafka-go has no idempotent producer).
	{"github.com/segmentio/kafka-go", "Client", []string{"Produce"}, "kafka-go", ""},
	{"github.com/segmentio/kafka-go", "Conn", []string{"Write", "WriteMessages", "WriteCompressedMessages", "WriteCompressedMessagesAt"}, "kafka-go", ""},
	{"github.com/IBM/sarama", "SyncProducer", []string{"SendMessage", "SendMessages"}, "sarama", ""},
	{"github.com/Shopify/sarama", "SyncProducer", []string{"SendMessage", "SendMessages"}, "sarama", ""},
	// An AsyncProducer publishes what is sent to the channel Input
	// returns: `p.Input() <- msg` is its send.
	{"github.com/IBM/sarama", "AsyncProducer", []string{"Input"}, "sarama", ""},
	{"github.com/Shopify/sarama", "AsyncProducer", []string{"Input"}, "sarama", ""},
	{"github.com/nats-io/nats.go", "Conn", []string{"Publish", "PublishMsg"}, "NATS", ""},
	{"github.com/nats-io/nats.go", "JetStreamContext", []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}, "NATS JetStream", ""},
	{"github.com/nats-io/nats.go", "JetStream", []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}, "NATS JetStream", ""},
	{"github.com/nats-io/nats.go/jetstream", "Publisher", []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}, "NATS JetStream", ""},
	{"github.com/nats-io/nats.go/jetstream", "JetStream", []string{"Publish", "PublishMsg", "PublishAsync", "PublishMsgAsync"}, "NATS JetStream", ""},
	{"github.com/rabbitmq/amqp091-go", "Channel", []string{"Publish", "PublishWithContext", "PublishWithDeferredConfirm", "PublishWithDeferredConfirmWithContext"}, "AMQP", ""},
	{"github.com/streadway/amqp", "Channel", []string{"Publish"}, "AMQP", ""},
	{"github.com/aws/aws-sdk-go-v2/service/sqs", "Client", []string{"SendMessage", "SendMessageBatch"}, "SQS", ""},
	{"github.com/aws/aws-sdk-go-v2/service/sns", "Client", []string{"Publish", "PublishBatch"}, "SNS", ""},
	{"cloud.google.com/go/pubsub", "Topic", []string{"Publish"}, "Pub/Sub", ""},
	{"cloud.google.com/go/pubsub/v2", "Publisher", []string{"Publish"}, "Pub/Sub", ""},
	// Clients whose send hands the message to a connection goroutine over
	// a channel: their bodies show no write, so the publish is named here.
	{"github.com/Azure/go-amqp", "Sender", []string{"Send", "SendWithReceipt"}, "AMQP 1.0", ""},
	{"github.com/apache/pulsar-client-go/pulsar", "Producer", []string{"Send", "SendAsync"}, "Pulsar", ""},
	{"github.com/eclipse/paho.mqtt.golang", "Client", []string{"Publish"}, "MQTT", ""},
	{"github.com/eclipse/paho.golang/paho", "Client", []string{"Publish", "PublishWithOptions"}, "MQTT", ""},
	{"github.com/eclipse/paho.golang/autopaho", "ConnectionManager", []string{"Publish", "PublishViaQueue"}, "MQTT", ""},
	{"github.com/twmb/franz-go/pkg/kgo", "Client", []string{"Produce", "ProduceSync", "TryProduce"}, "franz-go", ""},
	{"github.com/confluentinc/confluent-kafka-go/kafka", "Producer", []string{"Produce"}, "confluent-kafka-go", ""},
	{"github.com/confluentinc/confluent-kafka-go/v2/kafka", "Producer", []string{"Produce"}, "confluent-kafka-go", ""},
	{"github.com/nsqio/go-nsq", "Producer", []string{"Publish", "MultiPublish", "DeferredPublish", "PublishAsync", "MultiPublishAsync", "DeferredPublishAsync"}, "NSQ", ""},
	{"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus", "Sender", []string{"SendMessage", "SendMessageBatch", "SendAMQPAnnotatedMessage", "ScheduleMessages", "ScheduleAMQPAnnotatedMessages"}, "Service Bus", ""},
	{"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs", "ProducerClient", []string{"SendEventDataBatch"}, "Event Hubs", ""},
	{"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs/v2", "ProducerClient", []string{"SendEventDataBatch"}, "Event Hubs", ""},
	// Stream appends named Put, which the verb heuristic would read as
	// idempotent: each call appends the records again.
	{"github.com/aws/aws-sdk-go-v2/service/kinesis", "Client", []string{"PutRecord", "PutRecords"}, "Kinesis", ""},
	{"github.com/aws/aws-sdk-go-v2/service/firehose", "Client", []string{"PutRecord", "PutRecordBatch"}, "Firehose", ""},
	{"github.com/aws/aws-sdk-go-v2/service/eventbridge", "Client", []string{"PutEvents"}, "EventBridge", ""},
	// aws-sdk-go (v1): the operations send through handlers no body
	// shows, so without these the names alone would judge them.
	{"github.com/aws/aws-sdk-go/service/sqs", "SQS", []string{"SendMessage", "SendMessageWithContext", "SendMessageBatch", "SendMessageBatchWithContext"}, "SQS", ""},
	{"github.com/aws/aws-sdk-go/service/sns", "SNS", []string{"Publish", "PublishWithContext", "PublishBatch", "PublishBatchWithContext"}, "SNS", ""},
	{"github.com/aws/aws-sdk-go/service/kinesis", "Kinesis", []string{"PutRecord", "PutRecordWithContext", "PutRecords", "PutRecordsWithContext"}, "Kinesis", ""},
	{"github.com/aws/aws-sdk-go/service/firehose", "Firehose", []string{"PutRecord", "PutRecordWithContext", "PutRecordBatch", "PutRecordBatchWithContext"}, "Firehose", ""},
	{"github.com/aws/aws-sdk-go/service/eventbridge", "EventBridge", []string{"PutEvents", "PutEventsWithContext"}, "EventBridge", ""},
	// Job queues: the enqueue runs a Redis script, which shows no write.
	// A task id or uniqueness option makes a repeat refused (evidence.go).
	{"github.com/hibiken/asynq", "Client", []string{"Enqueue", "EnqueueContext"}, "asynq", "the task can be enqueued twice"},
}

// publishCall recognises a broker publish; ok is false for anything else,
// including other methods of these libraries (left to the later stages).
func publishCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	p, listed, known := findMethod(publishers, fn)
	switch {
	case listed:
		desc := p.describe(fn.Name())
		effect := p.effect
		if effect == "" {
			effect = "the message can be published twice"
		}
		return Op{
			Kind: KindPublish, Desc: desc, Effect: effect, Pos: call.Pos(),
			Identity:    "publish " + desc + " " + receiverText(call),
			FailsUnsent: unsentOnError[p.pkg+"."+p.recv+"."+fn.Name()],
		}, true
	case known:
		// A known client's other method (Close, Flush, …) writes nothing.
		// Its unexported ones are the library's own plumbing: judging them
		// by their bodies would find kafka-go's Writer.produce, but also a
		// NATS reconnect loop reaching Publish through the read loop it
		// starts (a flow-control reply), so they stay unjudged for now.
		return Op{}, true
	}
	return Op{}, false
}

// findMethod looks fn up in a table: the entry of fn's package and
// receiver type (recv "" for a package-level function), whether fn is one
// of the entry's methods (listed), and whether the table has an entry for
// its receiver at all (known).
func findMethod(table []publisher, fn *types.Func) (p publisher, listed, known bool) {
	path, recv := fn.Pkg().Path(), recvName(fn)
	for _, p := range table {
		if p.pkg != path || p.recv != recv {
			continue
		}
		for _, m := range p.methods {
			if m == fn.Name() {
				return p, true, true
			}
		}
		return p, false, true
	}
	return publisher{}, false, false
}

// describe names a table method in messages: "kafka-go Writer.WriteMessages",
// "net/smtp SendMail".
func (p publisher) describe(name string) string {
	if name == "Input" {
		name = "Input() <- message" // a channel the producer publishes from
	}
	if p.recv == "" {
		return p.lib + " " + name
	}
	return p.lib + " " + p.recv + "." + name
}

// receiverText is the source text of a method call's receiver.
func receiverText(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return types.ExprString(sel.X)
	}
	return ""
}

// redisWrites are the go-redis commands that accumulate, with the effect
// of running one twice.
var redisWrites = map[string]string{
	"Incr": "the counter can be incremented twice", "IncrBy": "the counter can be incremented twice",
	"IncrByFloat": "the counter can be incremented twice", "Decr": "the counter can be decremented twice",
	"DecrBy": "the counter can be decremented twice", "HIncrBy": "the counter can be incremented twice",
	"HIncrByFloat": "the counter can be incremented twice", "ZIncrBy": "the score can be incremented twice",
	"LPush": "the element can be pushed twice", "RPush": "the element can be pushed twice",
	"LPushX": "the element can be pushed twice", "RPushX": "the element can be pushed twice",
	"XAdd": "the stream entry can be added twice", "Append": "the value can be appended twice",
	"Publish": "the message can be published twice", "SPublish": "the message can be published twice",
}

func isRedisPkg(path string) bool {
	return strings.HasPrefix(path, "github.com/redis/go-redis/") || strings.HasPrefix(path, "github.com/go-redis/redis")
}

// redisCall classifies a go-redis command (methods reach the client
// through the unexported cmdable types, so the package decides).
func redisCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	effect, ok := redisWrites[fn.Name()]
	if !ok {
		return Op{}, true
	}
	cmd := strings.ToUpper(fn.Name())
	key := ""
	if len(call.Args) > 1 {
		key = " " + types.ExprString(call.Args[1])
	}
	return Op{Kind: KindRedis, Desc: "Redis " + cmd, Effect: effect, Pos: call.Pos(), Identity: "redis " + cmd + key}, true
}

// stripeCreate matches Stripe's resource packages (charge, paymentintent,
// refund, transfer, payout, …), whose New creates the resource.
var stripeCreate = regexp.MustCompile(`^github\.com/stripe/stripe-go(/v[0-9]+)?/([a-z]+)$`)

// sdkCall recognises known SDK writes whose names the verb heuristic
// cannot read (Stripe's charge.New).
func sdkCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	m := stripeCreate.FindStringSubmatch(fn.Pkg().Path())
	if m == nil || recvName(fn) != "" {
		return Op{}, false
	}
	if fn.Name() != "New" {
		return Op{}, true
	}
	res := m[2]
	return Op{
		Kind: KindSDK, Desc: "Stripe " + res + ".New", Effect: "the " + stripeResource(res) + " can be created twice",
		Pos: call.Pos(), Identity: "call " + fn.FullName(),
	}, true
}

// stripeResources spells the Stripe packages whose names join two words.
var stripeResources = map[string]string{
	"paymentintent": "payment intent", "setupintent": "setup intent", "paymentmethod": "payment method",
	"checkoutsession": "checkout session", "invoiceitem": "invoice item", "subscriptionitem": "subscription item",
	"usagerecord": "usage record", "transferreversal": "transfer reversal", "applicationfee": "application fee",
}

// stripeResource names a Stripe resource package for messages.
func stripeResource(pkg string) string {
	if name, ok := stripeResources[pkg]; ok {
		return name
	}
	return pkg
}
