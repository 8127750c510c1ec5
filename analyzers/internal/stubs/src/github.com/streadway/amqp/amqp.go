// Package amqp is a stub of github.com/streadway/amqp for analyzer tests:
// the real signatures of the functions twice matches.
package amqp

type Table map[string]interface{}

type Publishing struct {
	Headers     Table
	ContentType string
	MessageId   string
	Body        []byte
}

type Connection struct{}

func Dial(url string) (*Connection, error)       { return &Connection{}, nil }
func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }

type Channel struct{}

func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
