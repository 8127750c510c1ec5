// Package serverstream is a gRPC handler that streams progress to its
// caller and retries a check between replies: a Send on the server side
// of a stream is the handler's reply, not a write, so nothing is reported.
package serverstream

import (
	"context"

	"google.golang.org/grpc"
)

type Progress struct{ Done, Target int }

// Control_SyncServer is the server side of the Control.Sync stream, as
// protoc-gen-go-grpc writes it.
type Control_SyncServer interface {
	Send(*Progress) error
	grpc.ServerStream
}

type Checker interface {
	Check(ctx context.Context, n int) error
}

func Sync(ctx context.Context, c Checker, stream Control_SyncServer, target int) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = stream.Send(&Progress{Done: attempt, Target: target}); err != nil {
			return err
		}
		if err = c.Check(ctx, target); err == nil {
			return nil
		}
	}
	return err
}
