package mutation

import "testing"

func TestIsKeyHeader(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"idempotency-key", true},
		{"x-inngest-event-id-seed", true},
		{"x-random-seed", false},
		{"x-request-id-seed", false},
		{"x-idempotency-key", true},
		{"x-idempotency-token", true},
		{"idempotent-key", true},
		{"x-dedup-id", true},
		{"x-deduplication-id", true},
		{"nats-msg-id", true},
		{"webhook-id", true},
		{"svix-id", true},
		{"ce-id", true},
		{"x-github-delivery", true},
		{"x-event-id", true},
		{"x-notification-id", true},
		{"x-payload-key", true},
		{"ntnx-request-id", true}, // Nutanix v4: the idempotency token
		{"x-request-id", false},
		{"x-correlation-id", false},
		{"x-trace-id", false},
		{"vendor-req-id", false},
		{"x-rid", false},
		{"x-reqid-key", false},
		{"x-api-key", false},
		{"x-auth-token", false},
		{"x-csrf-token", false},
		{"x-session-id", false},
		{"x-client-id", false},
		{"x-amz-security-token", false},
		{"content-type", false},
		{"authorization", false},
		{"x-id", false},
	}
	for _, tt := range tests {
		if got := isKeyHeader(tt.header); got != tt.want {
			t.Errorf("isKeyHeader(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}
