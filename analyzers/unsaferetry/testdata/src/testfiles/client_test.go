package testfiles

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// sendOrderEvent posts one order event to the test server.
func sendOrderEvent(hc *http.Client, base string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, base+"/order-events", bytes.NewReader(nil))
	if err != nil {
		return nil, err
	}
	return hc.Do(req)
}

// The test retries its own POST until the flaky test server answers: a
// duplicate lands in the test server, which harms nothing a user runs.
func TestOrdersEndpointEventuallyAnswers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	var last error
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := sendOrderEvent(srv.Client(), srv.URL) // want `POST /order-events`
		if err != nil {
			last = err
			continue
		}
		resp.Body.Close()
		return
	}
	t.Fatal(last)
}
