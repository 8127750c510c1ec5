// Package statepost is a node agent that reports to a control API where
// every call is a POST: some assign a value (a role, a setting), others add
// (an event, a counter step).
package statepost

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type Agent struct {
	base string
	http *http.Client
}

type metadataValue struct {
	Value string `json:"value"`
}

type counterStep struct {
	Name  string `json:"name"`
	Delta int    `json:"delta"`
}

type event struct {
	Kind string `json:"kind"`
	At   time.Time
}

func (a *Agent) post(ctx context.Context, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// setRole assigns the node's role: a repeat writes the same value.
func (a *Agent) setRole(ctx context.Context, role string) error {
	body, err := json.Marshal(metadataValue{Value: role})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v1/metadata/role", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// updateCounter sends a step to add: a repeat adds it again.
func (a *Agent) updateCounter(ctx context.Context, name string, delta int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v1/counters", nil)
	if err != nil {
		return err
	}
	return a.send(req, counterStep{Name: name, Delta: delta})
}

func (a *Agent) send(req *http.Request, payload any) error {
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// updateOrCreateNode may create the node: a write.
func (a *Agent) updateOrCreateNode(ctx context.Context, name string) error {
	return a.post(ctx, "/v1/nodes", []byte(name))
}

// recordEvent adds an event each time.
func (a *Agent) recordEvent(ctx context.Context, kind string) error {
	body, _ := json.Marshal(event{Kind: kind, At: time.Now()})
	return a.post(ctx, "/v1/events", body)
}

func (a *Agent) Report(ctx context.Context, primary bool) {
	role := "replica"
	if primary {
		role = "primary"
	}
	for i := 0; i < 5; i++ {
		if err := a.setRole(ctx, role); err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	for i := 0; i < 5; i++ {
		if err := a.updateCounter(ctx, "promotions", 1); err == nil { // want `Agent\.updateCounter \(POST /v1/counters\) inside a retry loop`
			break
		}
		time.Sleep(time.Second)
	}
	for i := 0; i < 5; i++ {
		if err := a.updateOrCreateNode(ctx, "n1"); err == nil { // want `Agent\.updateOrCreateNode \(POST /v1/nodes\) inside a retry loop`
			break
		}
		time.Sleep(time.Second)
	}
	for i := 0; i < 5; i++ {
		if err := a.recordEvent(ctx, role); err == nil { // want `Agent\.recordEvent \(POST /v1/events\) inside a retry loop`
			break
		}
		time.Sleep(time.Second)
	}
}

// updateScore is named for a state but posts to an operation that adds:
// the path speaks first (reported).
func (a *Agent) updateScore(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v1/scores:increment", nil)
	if err != nil {
		return err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *Agent) Score(ctx context.Context) {
	for i := 0; i < 5; i++ {
		if err := a.updateScore(ctx); err == nil { // want `Agent\.updateScore \(POST /v1/scores:increment\) inside a retry loop`
			break
		}
		time.Sleep(time.Second)
	}
}
