package ratelimit

import (
	"bytes"
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// HookSender posts webhooks through go-retryablehttp clients whose
// CheckRetry policy decides what is retried.
type HookSender struct {
	polite *retryablehttp.Client // retries a 429 only
	eager  *retryablehttp.Client // retries 5xx and transport errors too
	std    *http.Client          // StandardClient of polite
}

func NewHookSender() *HookSender {
	polite := retryablehttp.NewClient()
	polite.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err != nil || ctx.Err() != nil {
			return false, err
		}
		return resp.StatusCode == http.StatusTooManyRequests, nil
	}
	eager := retryablehttp.NewClient()
	eager.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err != nil {
			return true, nil
		}
		return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500, nil
	}
	return &HookSender{polite: polite, eager: eager, std: polite.StandardClient()}
}

func (h *HookSender) Send(url string, body []byte) error {
	req, err := retryablehttp.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return err
	}
	resp, err := h.polite.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (h *HookSender) SendStd(url string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := h.std.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (h *HookSender) SendEager(url string, body []byte) error {
	req, err := retryablehttp.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return err
	}
	resp, err := h.eager.Do(req) // want `POST request sent through go-retryablehttp's Client \(retries failed requests\) runs again on every retry`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
