package defaultmethod

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Rules' request helper appends its caller's query options to the path
// with Sprintf before sending: the path is still the caller's.
type Rules struct {
	HC   *http.Client
	Base string
}

func (r *Rules) newRequestDo(method, u string, query url.Values, body string) error {
	if len(query) > 0 {
		u = fmt.Sprintf("%s?%s", u, query.Encode())
	}
	req, err := http.NewRequest(method, r.Base+u, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := r.HC.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// CreateEventRule posts a rule the server names.
func (r *Rules) CreateEventRule(body string) error {
	return r.newRequestDo("POST", "/event_rules", nil, body)
}

// GetEventRule reads.
func (r *Rules) GetEventRule(id string) error {
	return r.newRequestDo("GET", "/event_rules/"+id, nil, "")
}

// Apply retries the create on every error, as a provider's retry
// around an SDK call does.
func Apply(ctx context.Context, r *Rules, body string) error {
	var err error
	for i := 0; i < 5; i++ {
		if err = r.CreateEventRule(body); err == nil { // want `Rules\.CreateEventRule \(POST /event_rules\) inside a retry loop runs again on every retry; the request can be applied twice if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry, or retry only idempotent calls; check: its name says it creates something, but whether a repeat makes a second one is the API's rule`
			return nil
		}
		time.Sleep(time.Second)
	}
	for i := 0; i < 5; i++ {
		if err = r.GetEventRule("1"); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
