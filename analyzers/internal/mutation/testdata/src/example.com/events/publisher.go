// Package events publishes order events to every broker a service might
// use.
package events

import (
	"context"
	"time"

	"cloud.google.com/go/pubsub"
	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/segmentio/kafka-go"
)

type Publisher struct {
	kw    *kafka.Writer
	sp    sarama.SyncProducer
	nc    *nats.Conn
	js    nats.JetStreamContext
	js2   jetstream.JetStream
	ch    *amqp.Channel
	sqs   *sqs.Client
	sns   *sns.Client
	topic *pubsub.Topic
	queue string
}

func (p *Publisher) Kafka(ctx context.Context, id string, body []byte) error {
	return p.kw.WriteMessages(ctx, kafka.Message{Key: []byte(id), Value: body}) // want `mutating: kafka-go Writer.WriteMessages$`
}

func (p *Publisher) Sarama(id string, body []byte) error {
	_, _, err := p.sp.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(body)}) // want `mutating: sarama SyncProducer.SendMessage$`
	return err
}

func (p *Publisher) Nats(id string, body []byte) error {
	if err := p.nc.Publish("orders.created", body); err != nil { // want `mutating: NATS Conn.Publish$`
		return err
	}
	// A request is an RPC, not a publish.
	_, err := p.nc.Request("orders.lookup", body, time.Second)
	return err
}

func (p *Publisher) JetStream(ctx context.Context, id string, body []byte) error {
	if _, err := p.js.Publish("orders.created", body, nats.MsgId(id)); err != nil { // want `mutating: NATS JetStream JetStreamContext.Publish; key MsgId \(stable\)$`
		return err
	}
	msg := nats.NewMsg("orders.created")
	msg.Header.Set(nats.MsgIdHdr, uuid.NewString())
	if _, err := p.js.PublishMsg(msg); err != nil { // want `mutating: NATS JetStream JetStreamContext.PublishMsg; key Nats-Msg-Id \(fresh\)$`
		return err
	}
	_, err := p.js2.Publish(ctx, "orders.created", body, jetstream.WithMsgID("order-"+id)) // want `mutating: NATS JetStream Publisher.Publish; key WithMsgID \(stable\)$`
	return err
}

func (p *Publisher) Rabbit(ctx context.Context, body []byte) error {
	return p.ch.PublishWithContext(ctx, "orders", "created", false, false, amqp.Publishing{Body: body}) // want `mutating: AMQP Channel.PublishWithContext$`
}

func (p *Publisher) SQS(ctx context.Context, id string, body string) error {
	in := &sqs.SendMessageInput{
		QueueUrl:               aws.String(p.queue),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String("orders"),
		MessageDeduplicationId: aws.String(id),
	}
	if _, err := p.sqs.SendMessage(ctx, in); err != nil { // want `mutating: SQS Client.SendMessage; key MessageDeduplicationId \(stable\)$`
		return err
	}
	_, err := p.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(p.queue), MessageBody: aws.String(body)}) // want `mutating: SQS Client.SendMessage$`
	return err
}

func (p *Publisher) SNS(ctx context.Context, body string) error {
	_, err := p.sns.Publish(ctx, &sns.PublishInput{Message: aws.String(body)}) // want `mutating: SNS Client.Publish$`
	return err
}

func (p *Publisher) PubSub(ctx context.Context, body []byte) error {
	_, err := p.topic.Publish(ctx, &pubsub.Message{Data: body}).Get(ctx) // want `mutating: Pub/Sub Topic.Publish$`
	return err
}
