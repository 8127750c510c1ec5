package mutation

import (
	"strings"
	"testing"
)

// TestAdvice checks that each kind of write gets the fix that fits it.
func TestAdvice(t *testing.T) {
	tests := []struct {
		kind Kind
		want []string
	}{
		{KindHTTP, []string{"Idempotency-Key header created before the retry"}},
		{KindSQL, []string{"ON CONFLICT", "upsert", "unique key"}},
		{KindPublish, []string{"deduplication id created before the retry", "producer's idempotence", "consumers idempotent"}},
		{KindRedis, []string{"SET NX"}},
		{KindSDK, []string{"idempotency key created before the retry"}},
		{KindVerb, []string{"make the operation idempotent", "already-exists", "keep it out of the retry"}},
		{KindCustom, []string{"make the operation idempotent", "already-exists", "keep it out of the retry"}},
	}
	for _, tt := range tests {
		got := Advice(tt.kind)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Advice(%v) = %q, want it to mention %q", tt.kind, got, w)
			}
		}
	}
	if Advice(KindVerb) == Advice(KindHTTP) || Advice(KindPublish) == Advice(KindSQL) {
		t.Error("different kinds of write share one advice")
	}
}
