package statusretry

import (
	"bytes"
	"net/http"
	"time"
)

// A log shipper's send returns the response status as a plain int (or
// an error code of its own when the request failed); the drain loop goes
// round while a predicate named for retrying says so, or while the status
// is not 200. A batch the server stored before its reply was lost is
// shipped again. A loop that goes round only on 429 re-sends a batch the
// server refused; one whose attempt returns a count, not a status, is
// not a retry loop.

const sendFailed = -1

type Shipper struct {
	url   string
	hc    *http.Client
	buf   bytes.Buffer
	tries int
}

// post returns the status of a bulk POST, through a variable that copies
// it.
func (s *Shipper) post(data []byte, attempt int) int {
	req, err := http.NewRequest(http.MethodPost, s.url, bytes.NewReader(data))
	if err != nil {
		return sendFailed
	}
	req.Header.Set("X-Shipper-Attempt", string(rune('0'+attempt)))
	resp, err := s.hc.Do(req)
	if err != nil {
		return sendFailed
	}
	defer resp.Body.Close()
	status := resp.StatusCode
	return status
}

// trySend returns what post returns.
func (s *Shipper) trySend(attempt int) int { return s.post(s.buf.Bytes(), attempt) }

func (s *Shipper) shouldRetry(status int) bool {
	switch status {
	case http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized:
		return false
	}
	return true
}

func (s *Shipper) Drain() {
	backoff := time.Second
	for attempt := 0; attempt < 4; attempt++ {
		status := s.trySend(attempt) // want `Shipper.trySend \(POST request\) inside a retry loop runs again on every retry`
		if s.shouldRetry(status) {
			time.Sleep(backoff)
			backoff *= 2
		} else {
			break
		}
	}
}

func (s *Shipper) DrainUntilStored() {
	for attempt := 0; attempt < 4; attempt++ {
		status := s.trySend(attempt) // want `Shipper.trySend \(POST request\) inside a retry loop runs again on every retry`
		if !s.shouldRetry(status) {
			return
		}
		time.Sleep(time.Second)
	}
}

func (s *Shipper) DrainUntilOK() {
	for attempt := 0; attempt < 4; attempt++ {
		if status := s.post(s.buf.Bytes(), attempt); status == http.StatusOK { // want `Shipper.post \(POST request\) inside a retry loop runs again on every retry`
			return
		}
		time.Sleep(time.Second)
	}
}

// DrainOnRateLimit goes round only when the server refused the batch.
func (s *Shipper) DrainOnRateLimit() {
	for attempt := 0; attempt < 4; attempt++ {
		status := s.trySend(attempt)
		if status != http.StatusTooManyRequests {
			return
		}
		time.Sleep(time.Second)
	}
}

// written returns how many bytes a POST carried, not its status: the loop
// over it sends what is left, a different request each time.
func (s *Shipper) written(data []byte) int {
	resp, err := s.hc.Post(s.url, "text/plain", bytes.NewReader(data))
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return len(data)
}

func (s *Shipper) SendAll(data []byte) {
	for sent := 0; sent < len(data); {
		n := s.written(data[sent:])
		if n == 0 {
			time.Sleep(time.Second)
			continue
		}
		sent += n
	}
}
