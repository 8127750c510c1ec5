// Package gossipapp joins its cluster with retries.
package gossipapp

import (
	"context"
	"time"

	"github.com/cenkalti/backoff/v4"

	"example.com/gossip"
)

type Pool struct{ list *gossip.List }

// Join retries joining: the library only calls the application's merge
// delegate, nothing is written twice.
func (p *Pool) Join(ctx context.Context, known []string) error {
	for ctx.Err() == nil {
		if _, err := p.list.Join(known); err == nil {
			return nil
		}
		time.Sleep(300 * time.Millisecond)
	}
	return ctx.Err()
}

// Announce retries a broadcast through the application's transport, named
// like a send: a message delivered before the error is sent again.
func (p *Pool) Announce(msg []byte) error {
	return backoff.Retry(func() error {
		return p.list.Announce(msg) // want `List.Announce \(Transport.SendPacket \(an interface method with no body twice can see, named like a send\)\) inside backoff.Retry`
	}, backoff.NewExponentialBackOff())
}
