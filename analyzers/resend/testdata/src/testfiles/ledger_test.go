package testfiles

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The test posts again when its flaky test server answers 502: the second
// entry lands in the test server.
func TestRecordAgainstFlakyGateway(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	resp, err := srv.Client().Post(srv.URL+"/entries", "application/json", bytes.NewReader(nil))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode == http.StatusBadGateway {
		resp.Body.Close()
		resp, err = srv.Client().Post(srv.URL+"/entries", "application/json", bytes.NewReader(nil)) // want `POST .*/entries is sent again after inspecting the response status \(502\)`
		if err != nil {
			t.Fatal(err)
		}
	}
	resp.Body.Close()
}
