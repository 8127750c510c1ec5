package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestSendersBehindInterfaces covers retrying senders reached through an
// interface whose implementations are known, with a request type of the
// SDK's own whose method is set with a setter: the SDK method that sends
// a POST is reported, and so is its caller in another package; reads, a
// send-once implementation and a refusal-only retry stay silent.
func TestSendersBehindInterfaces(t *testing.T) {
	tests := []struct {
		name string
		pkg  string
	}{
		{"an SDK service sending setter-built requests through an interface whose implementation retries", "example.com/objstore/buckets"},
		{"an interface whose only implementation sends once", "example.com/objstore/oncecore"},
		{"a client that re-sends only a refused request (429)", "example.com/objstore/paced"},
		{"the SDK used from another package (facts)", "example.com/objapp"},
	}
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkg)
	}
	analysistest.Run(t, testenv.Testdata(t), withChecks(t), pkgs...)
}
