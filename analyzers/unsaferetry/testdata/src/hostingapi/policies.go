package hostingapi

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// AuditClient turns go-retryablehttp's retries off (RetryMax 0): every
// request is sent once.
type AuditClient struct {
	rc *retryablehttp.Client
}

func NewAuditClient() *AuditClient {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 0
	return &AuditClient{rc: rc}
}

func (a *AuditClient) send(r *http.Request) error {
	rreq, err := retryablehttp.FromRequest(r)
	if err != nil {
		return err
	}
	res, err := a.rc.Do(rreq)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

func (a *AuditClient) Record(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://audit.example.com/v1/events", nil)
	if err != nil {
		return err
	}
	return a.send(req)
}

// BillingClient retries only when the server refused the request (429):
// nothing it executed is sent again.
type BillingClient struct {
	http *retryablehttp.Client
}

func NewBillingClient() *BillingClient {
	rc := retryablehttp.NewClient()
	rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err == nil && resp.StatusCode == http.StatusTooManyRequests {
			return true, nil
		}
		return false, err
	}
	return &BillingClient{http: rc}
}

func (b *BillingClient) do(r *http.Request) error {
	rreq, err := retryablehttp.FromRequest(r)
	if err != nil {
		return err
	}
	res, err := b.http.Do(rreq)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

func (b *BillingClient) Charge(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://billing.example.com/v1/charges", nil)
	if err != nil {
		return err
	}
	return b.do(req)
}

// MetricsClient keeps go-retryablehttp's default policy: 5xx and
// connection errors are retried whatever the method.
type MetricsClient struct {
	rc *retryablehttp.Client
}

func NewMetricsClient() *MetricsClient {
	rc := retryablehttp.NewClient()
	rc.CheckRetry = retryablehttp.DefaultRetryPolicy
	return &MetricsClient{rc: rc}
}

func (m *MetricsClient) post(r *http.Request) error {
	rreq, err := retryablehttp.FromRequest(r)
	if err != nil {
		return err
	}
	res, err := m.rc.Do(rreq)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

func (m *MetricsClient) Push(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://metrics.example.com/v1/series", nil)
	if err != nil {
		return err
	}
	return m.post(req) // want `POST /v1/series sent through MetricsClient.post, which sends the request through go-retryablehttp's Client`
}

// QueueClient takes its retry policy from the caller: what it retries is
// unknown here, and unknown is not reported.
type QueueClient struct {
	rc *retryablehttp.Client
}

func NewQueueClient(policy retryablehttp.CheckRetry) *QueueClient {
	rc := retryablehttp.NewClient()
	rc.CheckRetry = policy
	return &QueueClient{rc: rc}
}

func (q *QueueClient) send(r *http.Request) error {
	rreq, err := retryablehttp.FromRequest(r)
	if err != nil {
		return err
	}
	res, err := q.rc.Do(rreq)
	if err != nil {
		return err
	}
	return res.Body.Close()
}

func (q *QueueClient) Enqueue(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://queue.example.com/v1/jobs", nil)
	if err != nil {
		return err
	}
	return q.send(req)
}
