package gapicgen

import (
	"context"

	gax "github.com/googleapis/gax-go/v2"
	"google.golang.org/grpc/codes"

	"example.com/gadgetpb"
)

// NewGadget is hand-written: the same retry passed in its own call is
// reported here, with the fix for a retry written at the call.
func NewGadget(ctx context.Context, client gadgetpb.GadgetServiceClient, req *gadgetpb.CreateGadgetRequest) error {
	return gax.Invoke(ctx, func(ctx context.Context, settings gax.CallSettings) error {
		_, err := executeRPC(ctx, client.CreateGadget, req, settings.GRPC, "CreateGadget") // want `GadgetServiceClient.CreateGadget .*inside gax.Invoke .*make the operation idempotent`
		return err
	}, gax.WithRetry(func() gax.Retryer { return gax.OnCodes([]codes.Code{codes.Unavailable}, gax.Backoff{}) }))
}
