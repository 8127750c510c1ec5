package producer

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
)

// LineSender buffers metric lines and flushes them in batches. A batch that
// failed to send is put back into the buffer the flush drains: the POST of
// the same lines repeats.
type LineSender struct {
	client  *http.Client
	url     string
	buffer  chan string
	dropped chan string
}

func (s *LineSender) Handle(line string) error {
	select {
	case s.buffer <- line:
		return nil
	default:
		return errors.New("buffer full")
	}
}

func (s *LineSender) Flush(ctx context.Context) error {
	lines := make([]string, 0, len(s.buffer))
	for len(s.buffer) > 0 {
		lines = append(lines, <-s.buffer)
	}
	return s.report(ctx, lines)
}

func (s *LineSender) rebuffer(batch []string) {
	for _, line := range batch {
		_ = s.Handle(line)
	}
}

func (s *LineSender) report(ctx context.Context, lines []string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/report", bytes.NewBufferString(strings.Join(lines, "\n")))
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req) // want `POST /report inside a requeue that puts the failed batch back into its buffer \(channel field buffer\) runs again on every retry`
	if err != nil {
		s.rebuffer(lines)
		return err
	}
	return resp.Body.Close()
}

// deadLetter hands a failed batch to a channel nothing drains into send:
// not a retry.
func (s *LineSender) deadLetter(ctx context.Context, lines []string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/events", bytes.NewBufferString(strings.Join(lines, "\n")))
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		for _, l := range lines {
			s.dropped <- l
		}
		return err
	}
	return resp.Body.Close()
}

func (s *LineSender) Drain(ctx context.Context) {
	for l := range s.dropped {
		_ = l
	}
}
