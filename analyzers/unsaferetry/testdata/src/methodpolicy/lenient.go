package methodpolicy

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// doLenient retries every method on 5xx: the policy's method test does
// not spare writes.
func (r *Client) doLenient(request *http.Request) error {
	attempts := 0
	for ok := true; ok; ok = attempts < r.maxRetries {
		response, err := r.c.Do(request)
		if err != nil {
			return err
		}
		response.Body.Close()
		if response.StatusCode < 200 || response.StatusCode >= 400 {
			if !retryAny(response, request.Method) {
				return fmt.Errorf("status %d", response.StatusCode)
			}
			time.Sleep(time.Second)
			attempts++
		} else {
			return nil
		}
	}
	return fmt.Errorf("failed")
}

func retryAny(response *http.Response, method string) bool {
	if method == http.MethodHead {
		return false
	}
	return response.StatusCode == 429 || response.StatusCode >= 500
}

// CreateTraining posts through the lenient loop: a 502 after the server
// started a training re-sends it.
func (r *Client) CreateTraining(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.base+"/v1/trainings", nil)
	if err != nil {
		return err
	}
	return r.doLenient(req) // want `POST /v1/trainings is retried by Client.doLenient`
}
