// Package loops is the loyalty service's client for the points ledger:
// hand-written retry loops of every shape, and loops that are not retries.
package loops

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Points is the points-ledger client.
type Points struct {
	hc      *http.Client
	baseURL string
}

var errRetryable = errors.New("retryable")

func (p *Points) award(ctx context.Context, member string, pts int) (*http.Response, error) {
	body, _ := json.Marshal(map[string]any{"member": member, "points": pts})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.baseURL+"/v1/awards", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return p.hc.Do(req)
}

// AwardContinue: the failure path continues, success returns.
func (p *Points) AwardContinue(ctx context.Context, member string, pts int) error {
	var lastErr error
	for attempt := 0; attempt < 4; attempt++ {
		resp, err := p.award(ctx, member, pts) // check `Points\.award \(POST /v1/awards\) inside a retry loop runs again on every retry; .*: send an Idempotency-Key header created before the retry`
		if err != nil {
			lastErr = err
			time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
			continue
		}
		resp.Body.Close()
		return nil
	}
	return lastErr
}

// AwardSwitch: a switch on the error decides.
func (p *Points) AwardSwitch(ctx context.Context, member string, pts int) error {
	for {
		resp, err := p.award(ctx, member, pts) // check `Points\.award \(POST /v1/awards\) inside a retry loop runs again on every retry`
		switch {
		case err == nil:
			resp.Body.Close()
			return nil
		case errors.Is(err, errRetryable):
			continue
		default:
			return err
		}
	}
}

// AwardMembers awards each member once: range over distinct items.
func (p *Points) AwardMembers(ctx context.Context, members []string, pts int) error {
	for _, m := range members {
		resp, err := p.award(ctx, m, pts)
		if err != nil {
			return fmt.Errorf("awarding %s: %w", m, err)
		}
		resp.Body.Close()
	}
	return nil
}

// AwardSkippingFailures awards each member, skipping failures.
func (p *Points) AwardSkippingFailures(ctx context.Context, members []string, pts int) int {
	ok := 0
	for i := 0; i < len(members); i++ {
		resp, err := p.award(ctx, members[i], pts)
		if err != nil {
			continue
		}
		resp.Body.Close()
		ok++
	}
	return ok
}

// WaitSettled polls a GET until the award is settled.
func (p *Points) WaitSettled(ctx context.Context, id string) error {
	for {
		resp, err := p.hc.Get(p.baseURL + "/v1/awards/" + id)
		if err != nil {
			return err
		}
		var st struct{ Settled bool }
		err = json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if st.Settled {
			return nil
		}
		time.Sleep(2 * time.Second)
	}
}

// Batch awards in rounds of 100 and stops at the first failure.
func (p *Points) Batch(ctx context.Context, members []string, pts int) error {
	for start := 0; start < len(members); start += 100 {
		end := min(start+100, len(members))
		body, _ := json.Marshal(map[string]any{"members": members[start:end], "points": pts})
		resp, err := p.hc.Post(p.baseURL+"/v1/awards/batch", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// AwardUntil: the loop condition is the error.
func (p *Points) AwardUntil(ctx context.Context, member string, pts int) error {
	var err error
	var resp *http.Response
	for tries := 0; tries == 0 || err != nil && tries < 3; tries++ {
		resp, err = p.award(ctx, member, pts) // check `Points\.award \(POST /v1/awards\) inside a retry loop runs again on every retry`
	}
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// AwardOnStatus: goes round again on a 5xx response.
func (p *Points) AwardOnStatus(ctx context.Context, member string, pts int) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := p.award(ctx, member, pts) // check `Points\.award \(POST /v1/awards\) inside a retry loop runs again on every retry`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode < 500 {
			return nil
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("points ledger unavailable")
}

// AwardStatusSwitch switches on the status: 2xx is done, 502/503 go round
// again, anything else fails.
func (p *Points) AwardStatusSwitch(ctx context.Context, member string, pts int) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := p.award(ctx, member, pts) // check `Points\.award \(POST /v1/awards\) inside a retry loop runs again on every retry`
		if err != nil {
			return err
		}
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusOK, http.StatusCreated:
			return nil
		case http.StatusBadGateway, http.StatusServiceUnavailable:
			time.Sleep(time.Duration(attempt+1) * time.Second)
		default:
			return fmt.Errorf("points ledger: %s", resp.Status)
		}
	}
	return fmt.Errorf("points ledger unavailable")
}

// AwardThrottled goes round only on 429 Too Many Requests: the ledger
// refused the request without executing it.
func (p *Points) AwardThrottled(ctx context.Context, member string, pts int) error {
	for {
		resp, err := p.award(ctx, member, pts)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode >= 300 {
			return fmt.Errorf("points ledger: %s", resp.Status)
		}
		return nil
	}
}
