package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestSenderNames covers what a sender's name may and may not say (tuning
// set 5): a generic sender whose message names the operation, and a POST
// sent by a function named for assigning a state.
func TestSenderNames(t *testing.T) {
	tests := []struct {
		name string
		pkg  string
	}{
		{"generic senders (SendRequest, SendRPC, SendNotification with a Method field) are not writes by name; SendInvitation, SendAlert, CreateSession are", "rpcenvelope"},
		{"a POST that assigns a state (setRole) is silent; a payload or path that adds, or a name that also creates, keeps the write", "statepost"},
	}
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkg)
	}
	analysistest.Run(t, testenv.Testdata(t), withChecks(t), pkgs...)
}

// TestSessionBootstrap: opening a realtime session (a connect call that
// answers with a websocket URL) in a reconnect loop is silent by default;
// a message posted in the same kind of loop is reported.
func TestSessionBootstrap(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), newUnsafeRetry(t), "realtime")
}

// TestHandlerExecutors: aws-sdk-go (v1) operations send through
// Request.Send, whose HTTP call sits in a handler list no body shows: an
// SQS send retried on any error is reported (a known publish); a create
// judged by its name alone, a refusal-only retry, a deduplicated message,
// a receive and a create under the caller's name are silent.
func TestHandlerExecutors(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), newUnsafeRetry(t), "awsv1")
}

// TestSenderPackages: a generic Send of a generic type (client.Send) is a
// send when its package is named for sending (webhook), and only a check
// elsewhere (archive: silent by default).
func TestSenderPackages(t *testing.T) {
	analysistest.Run(t, testenv.Testdata(t), newUnsafeRetry(t), "example.com/chatops/webhook", "example.com/chatops/archive")
}
