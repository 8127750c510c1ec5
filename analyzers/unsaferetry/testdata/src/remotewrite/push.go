package remotewrite

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

// A metrics agent pushes batches of samples to a Prometheus remote-write
// endpoint (and its logs to a Loki push endpoint through the same client)
// and retries a failed push with backoff. Remote write identifies each
// sample by its series and timestamp, and its specification has senders
// retry on 5xx: the receiver drops a sample it already stored at that
// timestamp, so a batch sent again writes nothing new. An OTLP export of
// delta sums, by contrast, is added again.

type Client struct {
	hc      *http.Client
	url     string
	headers map[string]string
}

// storeStream sends a snappy-compressed protobuf batch, as remote write
// does, through a copy of the request bound to the context.
func (c *Client) storeStream(ctx context.Context, body []byte) error {
	req, err := http.NewRequest("POST", c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Add("Content-Encoding", "snappy")
	req.Header.Set("Content-Type", "application/x-protobuf")
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	resp, err := c.hc.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return errors.New(resp.Status)
	}
	return nil
}

// pushVersioned names the protocol version in a header map literal.
func (c *Client) pushVersioned(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header = http.Header{
		"Content-Type":                      []string{"application/x-protobuf"},
		"X-Prometheus-Remote-Write-Version": []string{"0.1.0"},
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// exportSums sends an OTLP export of delta sums, gzip-compressed.
func (c *Client) exportSums(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/v1/metrics", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header["Content-Encoding"] = []string{"gzip"}
	req.Header.Set("Content-Type", "application/x-protobuf")
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withBackoff(ctx context.Context, store func(ctx context.Context) error) error {
	backoff := 30 * time.Millisecond
	var err error
	for retries := 10; retries > 0; retries-- {
		if err = store(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff *= 2
	}
	return err
}

// SendSamples retries a remote-write push: silent.
func SendSamples(ctx context.Context, c *Client, batch []byte) error {
	return withBackoff(ctx, func(ctx context.Context) error {
		return c.storeStream(ctx, batch)
	})
}

// SendVersioned retries a push that names the protocol version: silent.
func SendVersioned(ctx context.Context, c *Client, batch []byte) error {
	return withBackoff(ctx, func(ctx context.Context) error {
		return c.pushVersioned(ctx, batch)
	})
}

// ExportSums retries an OTLP export of delta sums: reported.
func ExportSums(ctx context.Context, c *Client, batch []byte) error {
	return withBackoff(ctx, func(ctx context.Context) error {
		return c.exportSums(ctx, batch) // want `Client.exportSums \(POST .*/v1/metrics\) inside remotewrite.withBackoff`
	})
}
