// Package keptbatch is a log driver: a worker collects messages and posts
// them in batches to a collector; a batch whose post failed is kept and
// posted again on the next tick.
package keptbatch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type message struct {
	Line string `json:"line"`
	Time int64  `json:"time"`
}

type logger struct {
	client    *http.Client
	url       string
	stream    chan *message
	batchSize int
	maxBuffer int
}

func (l *logger) worker() {
	tick := time.NewTicker(5 * time.Second)
	var messages []*message
	for {
		select {
		case m, open := <-l.stream:
			if !open {
				l.postMessages(messages, true)
				return
			}
			messages = append(messages, m)
			if len(messages)%l.batchSize == 0 {
				messages = l.postMessages(messages, false)
			}
		case <-tick.C:
			messages = l.postMessages(messages, false)
		}
	}
}

// postMessages posts messages in batches and returns those not sent,
// from the failed batch on.
func (l *logger) postMessages(messages []*message, lastChance bool) []*message {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	n := len(messages)
	for i := 0; i < n; i += l.batchSize {
		upper := min(i+l.batchSize, n)
		if err := l.tryPost(ctx, messages[i:upper]); err != nil { // want `logger\.tryPost \(POST /services/collector/event\) inside the loop that passes logger\.postMessages the messages it returned unsent runs again on every retry; the request can be applied twice`
			if n-i >= l.maxBuffer || lastChance {
				return messages[upper:n] // the failed batch is dropped
			}
			return messages[i:n]
		}
	}
	return messages[:0]
}

func (l *logger) tryPost(ctx context.Context, batch []*message) error {
	body, err := json.Marshal(batch)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.url+"/services/collector/event", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("collector: %s", resp.Status)
	}
	return nil
}
