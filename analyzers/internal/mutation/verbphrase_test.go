package mutation_test

import (
	"testing"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// TestMutatingVerbPhrases: a creating verb followed by words that make the
// call safe to repeat (upserts, create-if-missing, protocol signals) is no
// write; the same verb with any other object stays one.
func TestMutatingVerbPhrases(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"CreateOrUpdateConsumer", ""},
		{"CreateOrReplaceSecret", ""},
		{"InsertOrUpdate", ""},
		{"InsertOrReplace", ""},
		{"createOrUpdate", ""},
		{"CreateOrGetTopic", ""},
		{"CreateIfNotExists", ""},
		{"InsertIfAbsent", ""},
		{"SendAcks", ""},
		{"SendNacks", ""},
		{"SendMessageAck", ""},
		{"SendHeartbeat", ""},
		{"PostHeartbeats", ""},
		{"SendKeepAlive", ""},
		{"SendLeaseRenewal", ""},
		{"SendOrQueue", "Send"},
		{"CreateOrder", "Create"},
		{"CreateOrganization", "Create"},
		{"CreateOr", "Create"},
		{"SendBatch", "Send"},
		{"SendMessage", "Send"},
		{"SendAckRequest", ""},
		{"InsertKeepers", "Insert"},
		{"CreateAckPolicy", "Create"},
		{"PublishAndCreate", "Publish"},
	}
	for _, tt := range tests {
		if got := mutation.MutatingVerb(tt.name); got != tt.want {
			t.Errorf("MutatingVerb(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
