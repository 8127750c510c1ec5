// Package message is a stub of github.com/ThreeDotsLabs/watermill/message
// for analyzer tests: the router's handler registration.
package message

import "context"

type Payload []byte

type Message struct {
	UUID     string
	Payload  Payload
	Metadata map[string]string
}

func (m *Message) Ack() bool                { return true }
func (m *Message) Nack() bool               { return true }
func (m *Message) Context() context.Context { return context.Background() }

type Subscriber interface {
	Subscribe(ctx context.Context, topic string) (<-chan *Message, error)
	Close() error
}

type Publisher interface {
	Publish(topic string, messages ...*Message) error
	Close() error
}

// HandlerFunc handles a message; when it returns an error the router
// nacks the message and the subscriber delivers it again.
type HandlerFunc func(msg *Message) ([]*Message, error)

type NoPublishHandlerFunc func(msg *Message) error

type Handler struct{ name string }

type Router struct{ handlers map[string]HandlerFunc }

func (r *Router) AddHandler(handlerName string, subscribeTopic string, subscriber Subscriber, publishTopic string, publisher Publisher, handlerFunc HandlerFunc) *Handler {
	r.handlers[handlerName] = handlerFunc
	return &Handler{name: handlerName}
}

func (r *Router) AddConsumerHandler(handlerName string, subscribeTopic string, subscriber Subscriber, handlerFunc NoPublishHandlerFunc) *Handler {
	return r.AddHandler(handlerName, subscribeTopic, subscriber, "", nil, func(msg *Message) ([]*Message, error) {
		return nil, handlerFunc(msg)
	})
}

func (r *Router) AddNoPublisherHandler(handlerName string, subscribeTopic string, subscriber Subscriber, handlerFunc NoPublishHandlerFunc) *Handler {
	return r.AddConsumerHandler(handlerName, subscribeTopic, subscriber, handlerFunc)
}
