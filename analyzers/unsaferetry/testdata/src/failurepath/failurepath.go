// Package failurepath retries functions that write only on the way out of
// a failure (a close request after a timed-out subscribe): the retry
// repeats the clean-up, not a write that succeeded. A function that
// publishes and then fails is still reported.
package failurepath

import (
	"errors"
	"time"

	"github.com/nats-io/nats.go"
)

var errTimeout = errors.New("subscribe request timed out")

type Client struct{ nc *nats.Conn }

// subscribe asks the server for a subscription; when the request timed out
// it sends a close request for the subscription the server may have made.
func (c *Client) subscribe(subject string) error {
	if _, err := c.nc.Request("sub.requests", []byte(subject), time.Second); err != nil {
		if errors.Is(err, nats.ErrTimeout) {
			c.nc.Publish("sub.close", []byte(subject))
		}
		return errTimeout
	}
	return nil
}

func (c *Client) connect(subject string) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = c.subscribe(subject); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// announce publishes, then fails when the flush fails: the message may be
// out, and the retry publishes it again.
func (c *Client) announce(subject string, body []byte) error {
	if err := c.nc.Publish(subject, body); err != nil {
		return err
	}
	if err := c.nc.Flush(); err != nil {
		return err
	}
	return nil
}

func (c *Client) tell(subject string, body []byte) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = c.announce(subject, body); err == nil { // want `Client.announce \(NATS Conn.Publish\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}
