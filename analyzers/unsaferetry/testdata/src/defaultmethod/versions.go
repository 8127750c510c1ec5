package defaultmethod

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

// Aiven-shaped client: the request helper puts one of two base URLs, by
// API version, in front of the path its caller gives.
type Versioned struct {
	HC  *http.Client
	Key string
}

const (
	apiV1 = "https://api.example.com/v1"
	apiV2 = "https://api.example.com/v2"
)

func endpointV1(uri string) string { return apiV1 + uri }
func endpointV2(uri string) string { return apiV2 + uri }

func (c *Versioned) doRequest(ctx context.Context, method, uri string, body []byte, version int) error {
	var url string
	switch version {
	case 1:
		url = endpointV1(uri)
	case 2:
		url = endpointV2(uri)
	default:
		return fmt.Errorf("API version %d not supported", version)
	}
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.HC.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("%s %s: giving up", method, uri)
}

// CreateStaticIP posts a new static IP the server names.
func (c *Versioned) CreateStaticIP(ctx context.Context, project string) error {
	return c.doRequest(ctx, "POST", "/project/"+project+"/static-ips", nil, 1) // want `POST /project/\{…\}/static-ips is retried by Versioned\.doRequest, which sends it again inside a retry loop; the request can be applied twice if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry, or retry only idempotent calls; check: its name says it creates something, but whether a repeat makes a second one is the API's rule`
}

// NewUserClient logs in while building the client: its name says what it
// builds, not what the request does. A check.
func NewUserClient(ctx context.Context, hc *http.Client, email, password string) (*Versioned, error) {
	c := &Versioned{HC: hc}
	body := []byte(`{"email":"` + email + `","password":"` + password + `"}`)
	if err := c.doRequest(ctx, "POST", "/userauth", body, 1); err != nil { // want `POST /userauth is retried by Versioned\.doRequest, .*; check: its names and path do not say`
		return nil, err
	}
	return c, nil
}
