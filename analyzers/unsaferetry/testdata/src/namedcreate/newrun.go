package namedcreate

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// A run is created under the id its caller made before the retry (a
// ULID, a fixed array of bytes like a UUID): a repeat names the same run.

type ULID [16]byte

type Checkpoints struct {
	base string
	http *http.Client
}

func (c *Checkpoints) post(ctx context.Context, path string, payload any) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return err
}

type newRunRequest struct {
	RunID ULID
	Input map[string]any
}

// BeginNewRun creates the run its caller identified.
func (c *Checkpoints) BeginNewRun(ctx context.Context, runID ULID, input map[string]any) error {
	return c.post(ctx, "/v1/runs", newRunRequest{RunID: runID, Input: input}) // want `POST /v1/runs is retried by Checkpoints.post.*check: it creates under the runID its caller chose`
}

// BeginNewTrace creates a trace the server names.
func (c *Checkpoints) BeginNewTrace(ctx context.Context, input map[string]any) error {
	return c.post(ctx, "/v1/traces", input) // want `POST /v1/traces is retried by Checkpoints.post, which sends it again inside a retry loop; the request can be applied twice`
}
