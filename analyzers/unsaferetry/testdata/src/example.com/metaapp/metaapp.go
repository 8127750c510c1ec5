// Package metaapp re-subscribes to a feed in a loop, decorating each
// attempt's context with the call-options library of its SDK.
package metaapp

import (
	"context"
	"time"

	"example.com/rpcmeta"
)

type Feed interface {
	Pull(ctx context.Context) ([]string, error)
}

type Consumer struct {
	feed      Feed
	events    chan rpcmeta.Event
	collector string
}

// Run pulls until the context ends; only in-memory helpers are called with
// the pull: nothing is written, whatever the helpers are named.
func (c *Consumer) Run(ctx context.Context) {
	for ctx.Err() == nil {
		actx := rpcmeta.InsertMetadata(ctx, "x-feed", "orders")
		actx, err := rpcmeta.AppendUserAgent(actx, "metaapp/1.0")
		if err != nil {
			return
		}
		if _, err := c.feed.Pull(actx); err == nil {
			return
		}
		if err := rpcmeta.SendEvent(ctx, c.events, rpcmeta.Event{Name: "pull-failed"}); err != nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// Report posts an event to the collector, retrying failures: the POST can
// be recorded twice.
func (c *Consumer) Report(ctx context.Context, e rpcmeta.Event) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = rpcmeta.PostEvent(ctx, c.collector, e); err == nil { // want `rpcmeta.PostEvent \(POST /v1/events\) inside a retry loop`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
