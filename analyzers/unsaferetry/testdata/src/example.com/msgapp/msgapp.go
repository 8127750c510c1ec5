// Package msgapp retries operations of a message-link client: presenting
// a token again and peeking are not writes; scheduling a message is.
package msgapp

import (
	"context"
	"time"

	"example.com/msglink"
)

// keepClaim refreshes the link's authorization until it succeeds.
func keepClaim(ctx context.Context, l *msglink.Link, audience, token string) {
	for {
		if err := msglink.NegotiateClaim(ctx, l, audience, token); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

func peek(ctx context.Context, l *msglink.Link) (*msglink.Message, error) {
	var err error
	for i := 0; i < 3; i++ {
		var m *msglink.Message
		if m, err = msglink.Peek(ctx, l); err == nil {
			return m, nil
		}
	}
	return nil, err
}

func schedule(ctx context.Context, l *msglink.Link, body []byte, at time.Time) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = msglink.Schedule(ctx, l, body, at); err == nil { // want `msglink.Schedule \(sender.Send .*\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}
