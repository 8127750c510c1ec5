package statusretry

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// SearchClient re-sends any request on the statuses of its retry map
// (502, 503, 504 by default); network errors return. The method travels in
// an internal request struct through two wrappers.
type SearchClient struct {
	hc            *http.Client
	host          string
	disableRetry  bool
	maxRetries    int
	retryOnStatus map[int]bool
}

func NewSearchClient(host string) *SearchClient {
	c := &SearchClient{hc: http.DefaultClient, host: host, maxRetries: 3}
	if c.retryOnStatus == nil {
		c.retryOnStatus = map[int]bool{
			http.StatusBadGateway:         true,
			http.StatusServiceUnavailable: true,
			http.StatusGatewayTimeout:     true,
		}
	}
	return c
}

type internalRequest struct {
	endpoint string
	method   string
	body     string
}

func (c *SearchClient) do(req *http.Request) (*http.Response, error) {
	retries := 0
	for {
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if c.disableRetry || !c.retryOnStatus[resp.StatusCode] {
			return resp, nil
		}
		resp.Body.Close()
		if retries >= c.maxRetries {
			return nil, errors.New("too many retries")
		}
		retries++
	}
}

func (c *SearchClient) sendRequest(ctx context.Context, r *internalRequest) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, r.method, c.host+r.endpoint, strings.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

func (c *SearchClient) executeRequest(ctx context.Context, r *internalRequest) error {
	resp, err := c.sendRequest(ctx, r)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// CreateKey POSTs a new API key: a 502 after the key was made sends it
// again, and a second key is created.
func (c *SearchClient) CreateKey(ctx context.Context, name string) error {
	r := &internalRequest{endpoint: "/keys", method: http.MethodPost, body: name}
	return c.executeRequest(ctx, r) // want `POST /keys is retried by SearchClient.do, which sends it again inside a retry loop`
}

// UpdateSettings and GetKey send PUT and GET through the same loop: a
// repeat changes nothing.
func (c *SearchClient) UpdateSettings(ctx context.Context, body string) error {
	return c.executeRequest(ctx, &internalRequest{endpoint: "/settings", method: http.MethodPut, body: body})
}

// UpdateRankingRules PATCHes the index settings: its name says it sets a
// state, which a repeat leaves as it is.
func (c *SearchClient) UpdateRankingRules(ctx context.Context, rules string) error {
	return c.executeRequest(ctx, &internalRequest{endpoint: "/settings/ranking-rules", method: http.MethodPatch, body: rules})
}

// IncrementQuota POSTs an increment: a repeat counts twice.
func (c *SearchClient) IncrementQuota(ctx context.Context) error {
	return c.executeRequest(ctx, &internalRequest{endpoint: "/quota/increments", method: http.MethodPost, body: "1"}) // want `POST /quota/increments is retried by SearchClient.do`
}

func (c *SearchClient) GetKey(ctx context.Context) error {
	return c.executeRequest(ctx, &internalRequest{endpoint: "/keys/1", method: http.MethodGet})
}

// QueueClient retries only on 429 from its map: refusals.
type QueueClient struct {
	hc      *http.Client
	retryOn map[int]bool
}

func NewQueueClient() *QueueClient {
	return &QueueClient{hc: http.DefaultClient, retryOn: map[int]bool{http.StatusTooManyRequests: true}}
}

func (q *QueueClient) do(req *http.Request) (*http.Response, error) {
	for {
		resp, err := q.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if !q.retryOn[resp.StatusCode] {
			return resp, nil
		}
		resp.Body.Close()
	}
}

func (q *QueueClient) Enqueue(ctx context.Context, body string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://queue.example.com/v1/jobs", strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := q.do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
