// Package streamapp keeps streams to a document store open, re-opening a
// stream after a transient error and sending its first message again.
package streamapp

import (
	"context"
	"errors"
	"time"

	"google.golang.org/grpc"

	"example.com/streamapp/storepb"
)

var errClosed = errors.New("closed")

type Syncer struct{ c storepb.StoreClient }

// Listen re-opens the listen stream and adds the target again: a
// subscription, nothing is written.
func (s *Syncer) Listen(ctx context.Context, target string) (storepb.Store_ListenClient, error) {
	for {
		lc, err := s.c.Listen(ctx)
		if err == nil {
			err = lc.Send(&storepb.ListenRequest{Target: target})
		}
		if err == nil {
			return lc, nil
		}
		if ctx.Err() != nil {
			return nil, errClosed
		}
		time.Sleep(time.Second)
	}
}

// Watch does the same on a stream of the alias form.
func (s *Syncer) Watch(ctx context.Context, key string) (storepb.Store_WatchClient, error) {
	for attempt := 0; attempt < 5; attempt++ {
		wc, err := s.c.Watch(ctx)
		if err != nil {
			continue
		}
		if err := wc.Send(&storepb.WatchRequest{Key: key}); err == nil {
			return wc, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errClosed
}

// KeepAlive renews a lease once, retrying on a new stream: a renewal
// resets the lease's TTL, a second one adds nothing.
func (s *Syncer) KeepAlive(ctx context.Context, id int64) (int64, error) {
	for ctx.Err() == nil {
		stream, err := s.c.LeaseKeepAlive(ctx)
		if err != nil {
			continue
		}
		if err := stream.Send(&storepb.LeaseKeepAliveRequest{ID: id}); err != nil {
			continue
		}
		resp, err := stream.Recv()
		if err == nil {
			return resp.TTL, nil
		}
	}
	return 0, errClosed
}

// Write re-sends a document on a write stream when the store's answer does
// not come: the store may have written it, and it can be stored twice.
func (s *Syncer) Write(ctx context.Context, doc string) error {
	for attempt := 0; attempt < 5; attempt++ {
		wc, err := s.c.Write(ctx)
		if err != nil {
			continue
		}
		if err := wc.Send(&storepb.WriteRequest{Doc: doc}); err != nil { // want `Store_WriteClient.Send \(a message on the Write stream\) inside a retry loop`
			continue
		}
		if _, err := wc.Recv(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errClosed
}

// Append re-sends rows on an append stream of the alias form when the
// offset does not come back.
func (s *Syncer) Append(ctx context.Context, rows []string) error {
	for attempt := 0; attempt < 5; attempt++ {
		ac, err := s.c.AppendRows(ctx)
		if err != nil {
			continue
		}
		if err := ac.Send(&storepb.AppendRowsRequest{Rows: rows}); err != nil { // want `Send \(a message on the AppendRows stream\) inside a retry loop`
			continue
		}
		if _, err := ac.CloseAndRecv(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errClosed
}

// Resend sends again only when Send itself failed, which means the stream
// broke before the message was handed over: nothing sent is sent again.
func (s *Syncer) Resend(ctx context.Context, doc string) error {
	for attempt := 0; attempt < 5; attempt++ {
		wc, err := s.c.Write(ctx)
		if err != nil {
			continue
		}
		if err := wc.Send(&storepb.WriteRequest{Doc: doc}); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errClosed
}

// Rewatch re-sends the watch request on a stream typed by the generic gRPC
// stream itself (no generated alias name): the request type names the RPC.
func (s *Syncer) Rewatch(ctx context.Context, wc grpc.BidiStreamingClient[storepb.WatchRequest, storepb.WatchResponse], key string) error {
	for ctx.Err() == nil {
		if err := wc.Send(&storepb.WatchRequest{Key: key}); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errClosed
}

// Rewrite sends on a generic append stream and retries when the offset
// does not come back: reported.
func (s *Syncer) Rewrite(ctx context.Context, ac grpc.ClientStreamingClient[storepb.AppendRowsRequest, storepb.AppendRowsResponse], rows []string) error {
	for ctx.Err() == nil {
		if err := ac.Send(&storepb.AppendRowsRequest{Rows: rows}); err != nil { // want `ClientStreamingClient.Send \(a message on the AppendRows stream\) inside a retry loop`
			continue
		}
		if _, err := ac.CloseAndRecv(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errClosed
}
