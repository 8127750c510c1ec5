package mutation

import "testing"

// TestQuietPackage: metrics, logging and tracing libraries are never judged
// by name; applications of the same organisation (which do send) are.
func TestQuietPackage(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"github.com/prometheus/client_golang/prometheus", true},
		{"github.com/prometheus/client_golang/prometheus/push", true},
		{"github.com/prometheus/common/model", true},
		{"github.com/prometheus/procfs", true},
		{"go.opentelemetry.io/otel/trace", true},
		{"github.com/prometheus/alertmanager/notify", false},
		{"github.com/prometheus/alertmanager/notify/webhook", false},
		{"github.com/prometheus/prometheus/notifier", false},
		{"github.com/segmentio/kafka-go", false},
	}
	for _, tt := range tests {
		if got := quietPackage(tt.path); got != tt.want {
			t.Errorf("quietPackage(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
