package configcheck

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

func TestAddressesOf(t *testing.T) {
	pos := source.Pos{File: "a/application.yml", Line: 3, Col: 5}
	tests := []struct {
		value string
		hosts []string
	}{
		{"powerjob-a:7700", []string{"powerjob-a"}},
		{"http://PowerJob.Jobs.svc.cluster.local:7700/", []string{"powerjob.jobs.svc.cluster.local"}},
		{"pj-1:7700, pj-2:7700;pj-3", []string{"pj-1", "pj-2", "pj-3"}},
		{"${POWERJOB_SERVER:powerjob-b:7700}", []string{"powerjob-b"}},
		{"${POWERJOB_SERVER}", nil}, // unresolved: no host
		{"https://user:secret@jobs.example.com:443/api", []string{"jobs.example.com"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range addressesOf(tt.value, pos) {
			got = append(got, a.host)
			if a.pos != pos {
				t.Errorf("%q: position %v, want %v", tt.value, a.pos, pos)
			}
		}
		if !slices.Equal(got, tt.hosts) {
			t.Errorf("addressesOf(%q) = %q, want %q", tt.value, got, tt.hosts)
		}
	}
}

func TestAddressKeys(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"powerjob.worker.serveraddress", true},
		{"powerjob.client.address", true},
		{"powerjob.client.addresslist[0]", true},
		{"powerjob.client.domain", true},
		{"powerjob.server", true},
		{"powerjob.worker.appname", false},
		{"powerjob.client.password", false},
		{"spring.datasource.url", false},   // not PowerJob's
		{"oms.auth.openapi.enable", false}, // a server key
		{"xxl.job.admin.addresses", false}, // look-alike of another scheduler
	}
	for _, tt := range tests {
		if got := isAddressKey(tt.key); got != tt.want {
			t.Errorf("isAddressKey(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
	envs := map[string]bool{
		"POWERJOB_WORKER_SERVER_ADDRESS": true, "POWERJOB_CLIENT_DOMAIN": true, "POWERJOB_SERVER": true,
		"POWERJOB_APP_NAME": false, "OMS_AUTH_OPENAPI_ENABLE": false, "SERVER_ADDRESS": false,
	}
	for name, want := range envs {
		if got := isAddressEnv(name); got != want {
			t.Errorf("isAddressEnv(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCommonDir(t *testing.T) {
	tests := []struct {
		a, b  string
		depth int
		dir   string
	}{
		{"shop/orders", "shop/scheduler", 1, "shop"},
		{"shop/orders", "ops/deploy", 0, "."},
		{"a/b/c", "a/b/c", 3, "a/b/c"},
		{".", "a", 0, "."},
		{"shop", "shopping", 0, "."}, // elements, not string prefixes
	}
	for _, tt := range tests {
		if d := commonDepth(tt.a, tt.b); d != tt.depth {
			t.Errorf("commonDepth(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.depth)
		}
		if d := commonDir(tt.a, tt.b); d != tt.dir {
			t.Errorf("commonDir(%q, %q) = %q, want %q", tt.a, tt.b, d, tt.dir)
		}
	}
}

// maxRelated is the most related locations a finding may carry: the
// client's other location and three candidates (or the paired server's
// setting and version).
const maxRelated = 4

// TestFindingsBounded scans every fixture at once — many servers and
// clients in one tree, as in a monorepo — and checks that findings stay
// bounded: one per client location, a handful of related locations, and
// no message naming more than three servers.
func TestFindingsBounded(t *testing.T) {
	wd, _ := filepath.Abs(fixtureDir)
	r, err := Scan(context.Background(), []string{"."}, Options{WorkDir: wd})
	if err != nil {
		t.Fatal(err)
	}
	if r.Counts.Servers < 30 || r.Counts.Clients < 20 {
		t.Fatalf("only %d servers and %d clients: the check would prove little", r.Counts.Servers, r.Counts.Clients)
	}
	perLocation := map[Location]int{}
	for _, f := range r.Findings {
		if len(f.Related) > maxRelated {
			t.Errorf("%s: %d related locations, want at most %d", f.Location.Path, len(f.Related), maxRelated)
		}
		if f.Rule != RuleDuplicateOpenAPIRequest {
			continue
		}
		perLocation[f.Location]++
		if n := strings.Count(f.Message, "compose service ") + strings.Count(f.Message, "server config ") + strings.Count(f.Message, "Kubernetes container "); n > 4 {
			t.Errorf("%s: message names %d servers: %s", f.Location.Path, n, f.Message)
		}
	}
	for loc, n := range perLocation {
		if n > 1 {
			t.Errorf("%v: %d duplicate-openapi-request findings, want one per client", loc, n)
		}
	}
}
