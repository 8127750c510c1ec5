// Package client builds the resty client every provider of the family
// shares: it retries failed requests twenty times.
package client

import (
	"github.com/go-resty/resty/v2"
)

// Build returns the shared client for the server at baseURL.
func Build(baseURL, product string) (*resty.Client, error) {
	c := resty.New().
		SetBaseURL(baseURL).
		SetHeader("user-agent", "example/"+product).
		SetRetryCount(20)
	return c, nil
}

// BuildPlain returns a client that sends every request once.
func BuildPlain(baseURL string) *resty.Client {
	return resty.New().SetBaseURL(baseURL)
}
