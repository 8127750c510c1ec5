package keptbatch

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// metricsFlusher drops a batch whose post failed: the rest after it is
// kept, the failed batch is never sent again. Silent.
type metricsFlusher struct {
	client *http.Client
	url    string
}

func (f *metricsFlusher) run(ctx context.Context, in <-chan string) {
	var pending []string
	tick := time.NewTicker(time.Second)
	for {
		select {
		case s := <-in:
			pending = append(pending, s)
		case <-tick.C:
			pending = f.flush(ctx, pending)
		}
	}
}

func (f *metricsFlusher) flush(ctx context.Context, pending []string) []string {
	for i := 0; i < len(pending); i += 10 {
		end := min(i+10, len(pending))
		if err := f.post(ctx, pending[i:end]); err != nil {
			return pending[end:]
		}
	}
	return nil
}

func (f *metricsFlusher) post(ctx context.Context, lines []string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.url+"/v1/series", strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		return err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// spooler keeps the failed rest but nothing passes it back: the caller
// only logs how many were left. Silent.
type spooler struct{ f *metricsFlusher }

func (s *spooler) once(ctx context.Context, lines []string) int {
	left := s.f.flushKeep(ctx, lines)
	return len(left)
}

func (f *metricsFlusher) flushKeep(ctx context.Context, pending []string) []string {
	for i := 0; i < len(pending); i += 10 {
		end := min(i+10, len(pending))
		if err := f.post(ctx, pending[i:end]); err != nil {
			return pending[i:]
		}
	}
	return nil
}
