// Package terminalhost keeps a terminal host connected to its relay: Run
// opens the control stream, says hello and serves commands until the
// stream breaks; the caller starts it again.
package terminalhost

import (
	"context"
	"time"

	"github.com/avast/retry-go/v4"

	"example.com/terminalhost/hostpb"
)

type Host struct {
	client hostpb.HostServiceClient
	name   string
}

// Run serves one control session. Its hello opens a session on a stream it
// opened itself; a restarted Run opens another: nothing is applied twice.
func (h *Host) Run(ctx context.Context) error {
	stream, err := h.client.ControlChannel(ctx)
	if err != nil {
		return err
	}
	if err := stream.Send(&hostpb.ControlFromHost{Hello: h.name}); err != nil {
		return err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			return err
		}
	}
}

// Serve restarts the control session whenever it ends: silent.
func Serve(ctx context.Context, h *Host) error {
	return retry.Do(func() error {
		return h.Run(ctx)
	}, retry.Context(ctx), retry.Attempts(0))
}

// Reconnect does the same with the stream's Send in the retried literal:
// silent, the control stream's messages do not say what they do.
func Reconnect(ctx context.Context, client hostpb.HostServiceClient, hello string) (hostpb.HostService_ControlChannelClient, error) {
	for {
		stream, err := client.ControlChannel(ctx)
		if err == nil {
			err = stream.Send(&hostpb.ControlFromHost{Hello: hello})
		}
		if err == nil {
			return stream, nil
		}
		time.Sleep(time.Second)
	}
}

// UploadRecording re-sends a recording on a new upload stream after any
// error: the server may have stored the first one.
func UploadRecording(ctx context.Context, client hostpb.HostServiceClient, rec []byte) (string, error) {
	var id string
	err := retry.Do(func() error {
		stream, err := client.UploadRecording(ctx)
		if err != nil {
			return err
		}
		if err := stream.Send(&hostpb.UploadRequest{Chunk: rec}); err != nil { // want `HostService_UploadRecordingClient.Send \(a message on the UploadRecording stream\) inside retry.Do`
			return err
		}
		resp, err := stream.CloseAndRecv()
		if err != nil {
			return err
		}
		id = resp.ID
		return nil
	}, retry.Context(ctx))
	return id, err
}
