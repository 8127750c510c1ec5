package hostingapi

import (
	"context"
	"net/http"
	"testing"
)

// A test of the SDK against a test server posts through the retrying
// client too; it is not reported.
func TestCreateAgainstServer(t *testing.T) {
	c := NewClient(http.DefaultClient)
	req, err := c.NewRequest(context.Background(), http.MethodPost, "/v2/instances", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DoWithContext(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
}
