// Package eventapp hands an *http.Client from go-retryablehttp's
// StandardClient, which re-sends every request after a failure, to the
// event sender of another package.
package eventapp

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"

	"example.com/eventsender"
)

type Reporter struct {
	retrying *http.Client
	plain    *http.Client
	base     string
}

func NewReporter(base string) *Reporter {
	rc := retryablehttp.NewClient()
	return &Reporter{retrying: rc.StandardClient(), plain: &http.Client{}, base: base}
}

func (r *Reporter) Report(ctx context.Context, body []byte) error {
	return eventsender.PostEvent(ctx, r.retrying, r.base, body) // want `POST /v1/events sent through eventsender.PostEvent, which sends it through the client passed to it \(an \*http.Client from go-retryablehttp's StandardClient \(retries every request\)\), runs again on every retry`
}

func (r *Reporter) ReportInline(ctx context.Context, body []byte) error {
	return eventsender.PostEvent(ctx, retryablehttp.NewClient().StandardClient(), r.base, body) // want `POST /v1/events sent through eventsender.PostEvent`
}

// Plain clients, reads and keyed events: silent.
func (r *Reporter) ReportPlain(ctx context.Context, body []byte) error {
	return eventsender.PostEvent(ctx, r.plain, r.base, body)
}

func (r *Reporter) ReportDefault(ctx context.Context, body []byte) error {
	return eventsender.PostEvent(ctx, http.DefaultClient, r.base, body)
}

func (r *Reporter) Search(ctx context.Context, q []byte) error {
	return eventsender.SearchEvents(ctx, r.retrying, r.base, q)
}

func (r *Reporter) ReportOnce(ctx context.Context, key string, body []byte) error {
	return eventsender.PostEventOnce(ctx, r.retrying, r.base, key, body)
}
