package testfiles

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The test retries its own POST until the flaky test server answers: a
// duplicate lands in the test server, which harms nothing a user runs.
func TestOrdersEndpointEventuallyAnswers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	var last error
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+"/orders", bytes.NewReader(nil))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Do(req) // want `POST /orders`
		if err != nil {
			last = err
			continue
		}
		resp.Body.Close()
		return
	}
	t.Fatal(last)
}
