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

// TestRecordSteps changes the version between steps and goes on only when
// the previous answer was good; a failed check reports and returns (the
// t.Errorf-and-return form of an assertion): each record is a new step.
func TestRecordSteps(t *testing.T) {
	m := &Migrator{}
	ctx := context.Background()
	v := Version{ID: 1}
	resp, err := m.record(ctx, v)
	if err != nil {
		t.Errorf("record %d: %v", v.ID, err)
		return
	}
	var res runResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Errorf("record %d: %v", v.ID, err)
		return
	}
	if res.Dirty {
		t.Errorf("version %d left the database dirty", v.ID)
		return
	}
	v.ID = 2
	if _, err := m.record(ctx, v); err != nil {
		t.Errorf("record %d: %v", v.ID, err)
	}
}
