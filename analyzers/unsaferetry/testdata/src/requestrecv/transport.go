// Package requestrecv is an API client whose request value retries
// itself: callers fill a request struct (uri, method, body) and call its
// execute method, which sends it through a retry helper that goes round
// while the attempt asks for it.
package requestrecv

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"time"
)

type Config struct {
	apiURL     string
	httpClient *http.Client
	retries    int
	delay      time.Duration
}

type Client struct{ cfg *Config }

type apiRequest struct {
	uri    string
	method string
	body   interface{}
}

type attemptFunc func() (bool, error)

// retryNTimes calls attempt again while it asks for another round.
func retryNTimes(attempt attemptFunc, retries int, delay time.Duration) error {
	var err error
	again := false
	for n := 0; n <= retries; n++ {
		again, err = attempt()
		if !again {
			return err
		}
		time.Sleep(delay * time.Duration(n+1))
	}
	return err
}

func (r *apiRequest) build(ctx context.Context, cfg *Config) (*http.Request, error) {
	buf := new(bytes.Buffer)
	if r.body != nil {
		if err := json.NewEncoder(buf).Encode(r.body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest(r.method, cfg.apiURL+r.uri, buf)
	if err != nil {
		return nil, err
	}
	return req.WithContext(ctx), nil
}

// send goes round on network errors other than timeouts and on 5xx and
// 409 answers, which can follow a request the server carried out.
func (r *apiRequest) send(ctx context.Context, cfg *Config) error {
	return retryNTimes(func() (bool, error) {
		req, err := r.build(ctx, cfg)
		if err != nil {
			return false, err
		}
		resp, err := cfg.httpClient.Do(req)
		if err != nil {
			if ne, ok := err.(net.Error); ok && !ne.Timeout() {
				return true, err
			}
			return false, err
		}
		defer resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusInternalServerError, http.StatusServiceUnavailable, http.StatusConflict:
			return true, &net.OpError{Op: "status"}
		}
		return false, nil
	}, cfg.retries, cfg.delay)
}

func (r *apiRequest) execute(ctx context.Context, c Client, out interface{}) error {
	if err := r.send(ctx, c.cfg); err != nil {
		return err
	}
	return nil
}
