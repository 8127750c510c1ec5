package notifier

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// converged reports whether every job reached its end; once they all have,
// it records that once (a POST) and says done, so a loop that goes round
// only while it says "not yet" never repeats the POST.
func converged(hc *http.Client, statusURL, recordURL string, jobs []string) (bool, error) {
	left := len(jobs)
	for _, j := range jobs {
		resp, err := hc.Get(statusURL + "/" + j)
		if err != nil {
			return false, fmt.Errorf("status of %s: %w", j, err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			left--
		}
	}
	if left == 0 {
		resp, err := hc.Post(recordURL, "text/plain", strings.NewReader("done"))
		if err != nil {
			return false, fmt.Errorf("record the end: %w", err)
		}
		resp.Body.Close()
		return true, nil
	}
	return false, nil
}

// waitConverged polls converged and leaves on done and on an error.
func waitConverged(ctx context.Context, hc *http.Client, statusURL, recordURL string, jobs []string) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			ok, err := converged(hc, statusURL, recordURL, jobs)
			if err != nil {
				return err
			}
			if ok {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// waitConvergedPatiently goes round after an error too, which may follow
// a POST the server executed.
func waitConvergedPatiently(ctx context.Context, hc *http.Client, statusURL, recordURL string, jobs []string) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			ok, err := converged(hc, statusURL, recordURL, jobs) // want `converged \(POST request\) inside a retry loop runs again on every retry`
			if err != nil {
				continue
			}
			if ok {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// recordEachTime posts on every call and says done only when the jobs
// ended: the loop repeats the POST while it waits.
func recordEachTime(hc *http.Client, recordURL string, left int) (bool, error) {
	resp, err := hc.Post(recordURL, "text/plain", strings.NewReader("still running"))
	if err != nil {
		return false, fmt.Errorf("record progress: %w", err)
	}
	resp.Body.Close()
	return left == 0, nil
}

func waitRecording(ctx context.Context, hc *http.Client, recordURL string, left func() int) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			ok, err := recordEachTime(hc, recordURL, left()) // want `recordEachTime \(POST request\) inside a retry loop runs again on every retry`
			if err != nil {
				return err
			}
			if ok {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// recordOrTidy returns what its cleanup returns when the POST fails: nil,
// with false, asks the loop for another round, which posts again.
func recordOrTidy(hc *http.Client, recordURL string, tidy func() error) (bool, error) {
	resp, err := hc.Post(recordURL, "text/plain", strings.NewReader("done"))
	if err != nil {
		return false, tidy()
	}
	resp.Body.Close()
	return true, nil
}

func waitTidy(ctx context.Context, hc *http.Client, recordURL string, tidy func() error) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			ok, err := recordOrTidy(hc, recordURL, tidy) // want `recordOrTidy \(POST request\) inside a retry loop runs again on every retry`
			if err != nil {
				return err
			}
			if ok {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
