package migrate

import (
	"context"
	"encoding/json"
	"testing"
)

// TestRecord records a version, checks the answer, then records the next
// one: successive test steps with assertions between them.
func TestRecord(t *testing.T) {
	m := &Migrator{}
	ctx := context.Background()
	resp, err := m.record(ctx, Version{ID: 1})
	if err != nil {
		t.Fatal(err)
	}
	var res runResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	if res.Dirty {
		t.Fatalf("version 1 left the database dirty")
	}
	if _, err := m.record(ctx, Version{ID: 2}); err != nil {
		t.Fatal(err)
	}
}
