package buckets

import (
	"context"
	"testing"
)

// TestSettings changes one setting after another on one bucket, logging
// (not failing) when an answer looks off: each update sends a changed
// bucket, a new step, not a re-send.
func TestSettings(t *testing.T) {
	ctx := context.Background()
	c := &Client{}
	out, err := c.Create(ctx, "settings", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := out.Bucket
	b.Encryption = "AES256"
	got, err := b.Update(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Encryption == "" {
		t.Logf("server ignores encryption")
	}
	b.Versioning = true
	got, err = b.Update(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Versioning {
		// Without versioning, test the lifecycle rules instead: another
		// setting, another request.
		t.Logf("server ignores versioning")
		b.Versioning = false
		b.Lifecycle = []Rule{{Prefix: "tmp/", Days: 1}}
		if _, err := b.Update(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// A second bucket for the replication step.
	if _, err := c.Create(ctx, "settings-replica", nil); err != nil {
		t.Fatal(err)
	}
}
