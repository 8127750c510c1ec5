package purposes

import "net/http"

// A durable-execution SDK checkpoints a run's steps: the server keeps
// the latest state of each step, so a repeat saves the same progress
// again (a check). Appending a log line to the run adds one each time.

type Runs struct{ client *Client }

func (r *Runs) CheckpointSteps(runID string, steps []map[string]any) error {
	req, err := r.client.NewRequest(http.MethodPost, "/v1/runs/"+runID+"/steps", steps)
	if err != nil {
		return err
	}
	_, err = r.client.Do(req) // check: saves the steps' progress
	return err
}

func (r *Runs) AppendLog(runID, line string) error {
	req, err := r.client.NewRequest(http.MethodPost, "/v1/runs/"+runID+"/logs", map[string]string{"line": line})
	if err != nil {
		return err
	}
	_, err = r.client.Do(req) // want `POST /v1/runs/{…}/logs is retried by Client.Do`
	return err
}
