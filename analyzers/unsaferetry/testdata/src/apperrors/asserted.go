package apperrors

import (
	"bytes"
	"net/http"
	"time"
)

// An event shipper looks at the send's error through a type assertion in
// the if statement that decides: one more attempt after a timeout, which
// can follow a batch the server stored, is a repeated write; one more
// attempt after a rate-limit error is a refusal.

type timeoutError interface{ Timeout() bool }

type RateLimitedError struct{ RetryAfter time.Duration }

func (e *RateLimitedError) Error() string { return "rate limited" }

type Shipper struct {
	hc  *http.Client
	url string
}

func (s *Shipper) SendBatch(batch []byte) error {
	var resp *http.Response
	var err error
	for try := 0; try < 2; try++ {
		req, _ := http.NewRequest(http.MethodPost, s.url+"/1/batch/events", bytes.NewReader(batch))
		resp, err = s.hc.Do(req) // want `POST /1/batch/events inside a retry loop runs again on every retry`
		if terr, ok := err.(timeoutError); ok && terr.Timeout() {
			continue
		}
		break
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Shipper) SendBatchPolitely(batch []byte) error {
	var resp *http.Response
	var err error
	for try := 0; try < 2; try++ {
		req, _ := http.NewRequest(http.MethodPost, s.url+"/1/batch/events", bytes.NewReader(batch))
		resp, err = s.hc.Do(req)
		if rl, ok := err.(*RateLimitedError); ok {
			time.Sleep(rl.RetryAfter)
			continue
		}
		break
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
