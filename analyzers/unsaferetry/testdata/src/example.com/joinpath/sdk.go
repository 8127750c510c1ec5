package joinpath

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/hashicorp/go-retryablehttp"
)

// SDK is a hand-written API client: a go-retryablehttp client behind an
// *http.Client, endpoints built by JoinPath in a (value, error) helper
// taking path parts, requests built by a helper taking the endpoint as a
// fmt.Stringer.
type SDK struct {
	BaseURL string
	hc      *http.Client
}

// NewSDK returns a client that retries failed requests.
func NewSDK(base string) *SDK {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 5
	return &SDK{BaseURL: base, hc: rc.StandardClient()}
}

func (s *SDK) createEndpoint(parts ...string) (*url.URL, error) {
	base, err := url.Parse(s.BaseURL)
	if err != nil {
		return nil, err
	}
	endpoint := base.JoinPath(parts...)
	endpoint.Path += "/"
	return endpoint, nil
}

func (s *SDK) newRequest(ctx context.Context, method string, endpoint fmt.Stringer, body any) (*http.Request, error) {
	buf := new(bytes.Buffer)
	if body != nil {
		if err := json.NewEncoder(buf).Encode(body); err != nil {
			return nil, err
		}
	}
	return http.NewRequestWithContext(ctx, method, endpoint.String(), buf)
}

// Ticket is a support ticket; the server numbers it.
type Ticket struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// Zone is a DNS zone, unique by name.
type Zone struct {
	Name string `json:"name"`
	TTL  int    `json:"ttl"`
}

func (s *SDK) send(req *http.Request) error {
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// OpenTicket opens a ticket: a second attempt opens a second one.
func (s *SDK) OpenTicket(ctx context.Context, t Ticket) error {
	endpoint, err := s.createEndpoint("support", "tickets")
	if err != nil {
		return err
	}
	req, err := s.newRequest(ctx, http.MethodPost, endpoint, t)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req) // want `POST /support/tickets sent through an \*http.Client from go-retryablehttp's StandardClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// BulkCreateZones creates zones, each under the name its caller chose: a
// repeat is refused, as a single create of a named zone is: a check.
func (s *SDK) BulkCreateZones(ctx context.Context, zones []Zone) error {
	endpoint, err := s.createEndpoint("zones")
	if err != nil {
		return err
	}
	req, err := s.newRequest(ctx, http.MethodPost, endpoint, zones)
	if err != nil {
		return err
	}
	return s.send(req) // want `POST /zones sent through SDK.send, .*check: it creates under the Name its caller chose`
}

// Tickets lists tickets: a GET.
func (s *SDK) Tickets(ctx context.Context) error {
	endpoint, err := s.createEndpoint("support", "tickets")
	if err != nil {
		return err
	}
	req, err := s.newRequest(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return err
	}
	return s.send(req)
}
