package unsaferetry_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// namesFixtures are fixtures of calls judged by what they are rather than
// by the verb their name starts with: concrete functions of dependencies
// (judged by their bodies), verb phrases (upserts, acknowledgements) and
// the Send of gRPC client streams (judged by the streaming RPC).
var namesFixtures = []struct {
	name string
	pkg  string
}{
	{"in-memory helpers of an RPC options library named like inserts and sends", "example.com/metaapp"},
	{"acks, heartbeats and upserts of a broker driver; batches and plain creates", "example.com/brokerapp"},
	{"gRPC client streams: Send on listen/watch streams, on write/append streams", "example.com/streamapp"},
	{"gRPC control streams: a session restarted with its hello; an upload stream", "example.com/terminalhost"},
	{"a library's call of the application's delegate; its call of a plugged-in transport", "example.com/gossipapp"},
}

func TestNames(t *testing.T) {
	var pkgs []string
	for _, tt := range namesFixtures {
		pkgs = append(pkgs, tt.pkg)
	}
	analysistest.Run(t, testenv.Testdata(t), withChecks(t), pkgs...)
}

// TestNamesModelSound runs the model over the same fixtures with every
// package (dependencies included) as a root, so that each package's model
// is kept: a panic caught in one leaves that package without facts, and
// its functions' callers without their summaries.
func TestNamesModelSound(t *testing.T) {
	dir := testenv.Testdata(t)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir,
		Env: append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off")}
	var patterns []string
	for _, tt := range namesFixtures {
		patterns = append(patterns, tt.pkg)
	}
	models := modelEverywhere(t, cfg, patterns...)
	if models < len(patterns)+1 {
		t.Errorf("the model ran on %d packages, want the fixtures and their dependencies", models)
	}
}
