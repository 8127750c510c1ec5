// Package rpcmeta is a call-options library of an RPC SDK, in the manner of
// gax: it builds outgoing metadata, wraps errors and, for one endpoint,
// posts events. It imports gRPC, which makes its retry-scope walk look
// for retrying connections.
package rpcmeta

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"google.golang.org/grpc"
)

type mdKey struct{}

// InsertMetadata returns ctx with keyvals added to its outgoing metadata:
// an in-memory edit of a context, whatever its name says.
func InsertMetadata(ctx context.Context, keyvals ...string) context.Context {
	md, _ := ctx.Value(mdKey{}).(map[string][]string)
	out := make(map[string][]string, len(md)+len(keyvals)/2)
	for k, v := range md {
		out[k] = v
	}
	for i := 0; i+1 < len(keyvals); i += 2 {
		out[keyvals[i]] = append(out[keyvals[i]], keyvals[i+1])
	}
	return context.WithValue(ctx, mdKey{}, out)
}

// AppendUserAgent adds a product token to the outgoing metadata.
func AppendUserAgent(ctx context.Context, token string) (context.Context, error) {
	if token == "" {
		return ctx, fmt.Errorf("rpcmeta: empty user agent token")
	}
	return InsertMetadata(ctx, "user-agent", token), nil
}

// Event is a diagnostic event.
type Event struct{ Name string }

// SendEvent hands an event to a local channel (a process-local queue).
func SendEvent(ctx context.Context, ch chan<- Event, e Event) error {
	select {
	case ch <- e:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Describe wraps an RPC error with the method name.
func Describe(method string, err error) string {
	return method + ": " + err.Error()
}

// Dial opens a connection.
func Dial(target string) (*grpc.ClientConn, error) {
	conn, err := grpc.Dial(target)
	if err != nil {
		return nil, fmt.Errorf("rpcmeta: %s", err.Error())
	}
	return conn, nil
}

// PostEvent records an event on the collector: a real write.
func PostEvent(ctx context.Context, url string, e Event) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/v1/events", bytes.NewBufferString(e.Name))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
