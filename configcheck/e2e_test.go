package configcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/twice-lint/twice/internal/sarif"
)

var update = flag.Bool("update", false, "rewrite the golden outputs under testdata/golden")

// fixtureDir holds the repository-shaped trees; paths in expectations are
// relative to it (the tests run the command with it as working directory).
const fixtureDir = "../testdata/config"

// want is one expected output line: a finding (rule set) or an input error
// (rule "").
type want struct {
	severity string
	path     string
	line     int
	rule     string
}

func (w want) String() string {
	return fmt.Sprintf("%s:%d %s [%s]", w.path, w.line, w.severity, w.rule)
}

const (
	dup   = RuleDuplicateOpenAPIRequest
	unath = RuleUnauthenticatedOpenAPI
)

var e2eCases = []struct {
	tree string
	want []want
	exit int
}{
	{"maven-embedded", []want{
		{"warning", "maven-embedded/order-service/pom.xml", 23, dup},
		{"warning", "maven-embedded/scheduler/src/main/resources/application.yml", 19, unath},
	}, 3},
	{"gradle-catalog", []want{
		{"warning", "gradle-catalog/deploy/docker-compose.yml", 12, unath}, // image line: setting absent, default false
		{"warning", "gradle-catalog/gradle/libs.versions.toml", 3, dup},    // the catalog line that fixes 5.1.1
	}, 3},
	{"compose-params", []want{
		{"warning", "compose-params/deploy/docker-compose.yml", 16, unath}, // PARAMS beats JVMOPTIONS and the mounted file
		{"warning", "compose-params/report-service/pom.xml", 15, dup},
	}, 3},
	{"k8s-configmap", []want{
		{"warning", "k8s-configmap/k8s/powerjob-server.yaml", 12, unath}, // inside the ConfigMap
		{"warning", "k8s-configmap/notifier/build.gradle", 11, dup},      // not the commented-out 4.3.6 line
	}, 3},
	{"profiles", []want{
		{"warning", "profiles/console/pom.xml", 13, dup}, // 5.0.1-beta: own message
		{"warning", "profiles/server/src/main/resources/application-metrics.properties", 3, unath},
	}, 3},
	{"nacos-import", []want{
		{"note", "nacos-import/audit-scheduler/src/main/resources/application.yml", 1, unath}, // remote data not committed
		{"warning", "nacos-import/config/nacos/powerjob-server.properties", 5, unath},         // committed data-id
		{"note", "nacos-import/ledger/pom.xml", 13, dup},                                      // two servers in its Maven build, equally near: not paired
	}, 3},
	{"fixed-server", []want{
		{"warning", "fixed-server/deploy/docker-compose.yml", 3, unath},  // 5.1.1: no duplicate, still CVE
		{"warning", "fixed-server/deploy/docker-compose.yml", 12, unath}, // 4.3.9: no auth at all
	}, 3},
	{"client-only", []want{
		{"note", "client-only/billing/pom.xml", 10, dup}, // no server in the scanned paths; the 4.x client gets nothing
	}, 0},
	{"no-powerjob", nil, 0},
	{"broken-files", []want{
		{"error", "broken-files/deploy/docker-compose.yml", 6, ""},
		{"warning", "broken-files/dispatcher/build.gradle", 8, dup},
		{"error", "broken-files/legacy-api/pom.xml", 6, ""},
		{"error", "broken-files/powerjob-server/config/application-dev.yml", 3, ""},
		{"warning", "broken-files/powerjob-server/config/application.properties", 4, unath},
	}, 1},
	// RuoYi-style: a custom ruoyi/ruoyi-powerjob-server image (JAVA_OPTS
	// enables auth; its Dockerfile's entrypoint expands it) next to its own
	// embedded-server module whose active profile is a Maven token: the
	// base file leaves auth off, application-prod.yml enables it, so the
	// value is unknown (notes; target/ is skipped).
	{"ruoyi-plus", []want{
		{"note", "ruoyi-plus/ruoyi-extend/ruoyi-powerjob-server/src/main/resources/application.yml", 1, unath},
		{"note", "ruoyi-plus/ruoyi-modules/ruoyi-job/pom.xml", 19, dup}, // version from the parent's dependencyManagement
	}, 0},
	// spring.config.import=nacos:powerjob-server.yml with the data-id
	// committed under config/nacos/: read like a local file.
	{"nacos-data-id", []want{
		{"warning", "nacos-data-id/config/nacos/DEFAULT_GROUP/powerjob-server.yml", 12, unath}, // the enable: line
		{"warning", "nacos-data-id/order-service/pom.xml", 14, dup},                            // version from a property
	}, 3},
	// The same import, not committed: unknown, notes only (5.0.x wording).
	{"nacos-remote-beta", []want{
		{"note", "nacos-remote-beta/billing/pom.xml", 10, dup},
		{"note", "nacos-remote-beta/scheduler/src/main/resources/application.yml", 1, unath},
	}, 0},
	// PARAMS as a folded scalar (with an unresolved password) and as a list
	// entry with \ continuations; JAVA_OPTS -D overriding a mounted file;
	// SPRING_PROFILES_ACTIVE selecting a mounted profile file that enables auth.
	{"compose-overrides", []want{
		{"warning", "compose-overrides/deploy/docker-compose.yml", 7, unath},
		{"warning", "compose-overrides/deploy/docker-compose.yml", 19, unath},
		{"note", "compose-overrides/notify/build.gradle", 8, dup}, // four servers, nothing pairs the client: note with candidates
	}, 3},
	// ${OMS_AUTH:true} resolved from the container environment, left to its
	// default, and a placeholder without default that nothing defines.
	{"placeholders", []want{
		{"warning", "placeholders/deploy/conf/powerjob.properties", 3, unath},
		{"note", "placeholders/reports/src/main/resources/application.yml", 6, unath},
	}, 3},
	// key: value, \uXXXX escapes, a continued entry (its first line), and a
	// BOM + CRLF nested YAML file of a 5.1.0-bugfix embedded server.
	{"properties-syntax", []want{
		{"warning", "properties-syntax/colon/config/application.properties", 3, unath},
		{"warning", "properties-syntax/continued/config/application.properties", 2, unath},
		{"warning", "properties-syntax/escape/config/application.properties", 3, unath},
		{"warning", "properties-syntax/nested/src/main/resources/application.yml", 7, unath},
	}, 3},
	// Official tags 5.1.0, 5.1.1, latest, 4.3.9 (auth "enabled" but absent
	// in that version), a registry mirror, and a custom image with auth on.
	{"server-images", []want{
		{"note", "server-images/api/build.gradle.kts", 8, dup}, // six servers, none paired: note with candidates
		{"warning", "server-images/ops/docker-compose.yml", 3, unath},
		{"warning", "server-images/ops/docker-compose.yml", 5, unath},
		{"warning", "server-images/ops/docker-compose.yml", 7, unath},
		{"warning", "server-images/ops/docker-compose.yml", 9, unath},
		{"warning", "server-images/ops/docker-compose.yml", 13, unath},
	}, 3},
	// Client versions from gradle.properties (5.0.x), the version catalog,
	// a lockfile; commented-out and 4.x declarations, a worker starter and
	// an embedded server with auth on do not count. The clients are paired
	// with the compose service that builds server/ (by POWERJOB_* address,
	// by compose project, by image name).
	{"gradle-client-versions", []want{
		{"warning", "gradle-client-versions/gradle/libs.versions.toml", 3, dup},
		{"warning", "gradle-client-versions/server/Dockerfile", 1, unath},
		{"warning", "gradle-client-versions/svc-a/build.gradle", 4, dup},
		{"warning", "gradle-client-versions/svc-c/gradle.lockfile", 5, dup},
	}, 3},
	// A client in the parent pom's <dependencies>, versioned by an imported
	// BOM: reported once at the parent, not once per child.
	{"maven-parent-client", []want{
		{"warning", "maven-parent-client/job-admin/src/main/resources/application.yml", 3, unath},
		{"warning", "maven-parent-client/pom.xml", 34, dup},
	}, 3},
	{"look-alike-keys", nil, 0},
	{"client-non-ascii", []want{
		{"note", "client-non-ascii/服务/订单中心/pom.xml", 11, dup},
	}, 0},
	// Broken pom, YAML with a tab, merge-conflict markers next to valid
	// files; a Helm template dir (skipped silently), build/ without a build
	// script (scanned) and build/ beside build.gradle (skipped), Latin-1.
	{"broken-mixed", []want{
		{"error", "broken-mixed/api/pom.xml", 14, ""},
		{"warning", "broken-mixed/build/compose/docker-compose.yml", 5, unath},
		{"error", "broken-mixed/conflict/config/application.properties", 2, ""},
		{"warning", "broken-mixed/latin/powerjob.properties", 3, unath},
		{"warning", "broken-mixed/server/pom.xml", 15, dup},
		{"error", "broken-mixed/server/src/main/resources/application-dev.yml", 4, ""},
		{"warning", "broken-mixed/server/src/main/resources/application.yml", 6, unath},
	}, 1},
	// A ConfigMap exported by kubectl (a double-quoted value, not a `|`
	// block) and a $(VAR) argument whose variable comes from a Secret.
	{"k8s-inline-values", []want{
		{"warning", "k8s-inline-values/deploy/prod/powerjob-server.yaml", 10, unath}, // the data key: lines inside the value do not map
		// args: never reach Spring under the official image's sh -c entrypoint,
		// so the $(OPENAPI_AUTH) there does not matter: auth is off.
		{"warning", "k8s-inline-values/deploy/staging/powerjob-server.yaml", 21, unath},
	}, 3},
	{"k8s-secret", []want{
		{"warning", "k8s-secret/manifests/powerjob.yaml", 8, unath}, // profile file in a mounted ConfigMap
		{"note", "k8s-secret/manifests/powerjob.yaml", 43, unath},   // env from a Secret
		{"note", "k8s-secret/payments/build.gradle", 2, dup},        // two servers, nothing pairs the client
	}, 3},
	// Legacy spring.profiles documents, a profile from a placeholder default,
	// file:./config/ over the classpath, Dockerfile ENV.
	{"profile-precedence", []want{
		{"warning", "profile-precedence/a/src/main/resources/application.yml", 14, unath},
		{"warning", "profile-precedence/b/src/main/resources/application-dev.properties", 1, unath},
		{"warning", "profile-precedence/c/config/application.properties", 1, unath},
		{"warning", "profile-precedence/d/Dockerfile", 9, unath},
	}, 3},
	// PowerJob's own repository shape: the server-starter module declares
	// powerjob-client (what the starter pulls in; not a remote client) and
	// is server 5.1.1 itself; an image tag "test_env" is no version. The
	// samples are paired with that 5.1.1 server (same Maven build): silent.
	{"powerjob-fork", []want{
		{"warning", "powerjob-fork/others/dev/docker-compose.yml", 6, unath},
		{"warning", "powerjob-fork/powerjob-server/powerjob-server-starter/src/main/resources/application.properties", 6, unath},
	}, 3},
	// Pairing (DESIGN.md "Config rules"). Two products in one repository:
	// alpha-api is paired with alpha's embedded 5.1.0 server by its Maven
	// build; beta's orders with beta's 5.1.1 server by the compose project,
	// so it is not warned about alpha's server.
	{"two-products", []want{
		{"warning", "two-products/alpha/alpha-api/pom.xml", 13, dup},
		{"warning", "two-products/alpha/alpha-scheduler/src/main/resources/application.yml", 9, unath},
		{"warning", "two-products/beta/deploy/docker-compose.yml", 3, unath},
	}, 3},
	// Addresses matched to compose names: container_name (billing, paired
	// with the 5.1.0 server) and a network alias (ledger, paired with the
	// 5.1.1 server: silent). Both servers sit in one directory, so only the
	// address tells them apart.
	{"address-compose", []want{
		{"warning", "address-compose/billing/pom.xml", 10, dup},
		{"warning", "address-compose/deploy/docker-compose.yml", 6, unath},
		{"warning", "address-compose/deploy/docker-compose.yml", 8, unath},
	}, 3},
	// Addresses matched to Kubernetes names: svc.ns.svc.cluster.local
	// (payments), an Ingress host in a POWERJOB_* variable of the client's
	// own Deployment (invoices), svc.ns through a placeholder default
	// (reports, paired with the 5.1.1 server in jobs-next: silent).
	{"address-k8s", []want{
		{"warning", "address-k8s/invoices/build.gradle", 4, dup},
		{"warning", "address-k8s/k8s/jobs-next/scheduler.yaml", 18, unath},
		{"warning", "address-k8s/k8s/jobs/scheduler.yaml", 18, unath},
		{"warning", "address-k8s/payments/build.gradle", 4, dup},
	}, 3},
	// No evidence pairs the client: a note naming three of the five risky
	// candidates and counting the rest (the 5.1.1 server is no candidate).
	{"unpaired", []want{
		{"note", "unpaired/catalog/pom.xml", 10, dup},
		{"warning", "unpaired/ops/dr/docker-compose.yml", 3, unath},
		{"warning", "unpaired/ops/prod/docker-compose.yml", 3, unath},
		{"warning", "unpaired/ops/prod/docker-compose.yml", 5, unath},
		{"warning", "unpaired/ops/prod/docker-compose.yml", 7, unath},
		{"warning", "unpaired/ops/staging/docker-compose.yml", 3, unath},
		{"warning", "unpaired/ops/staging/docker-compose.yml", 5, unath},
	}, 3},
	// A monorepo: one Maven reactor, three servers, six clients. Each
	// client gets one finding about its own server (by address), the one
	// without an address a note, the 4.x client nothing, and the search
	// team's indexer is paired with its own 5.1.1 server (silent).
	{"monorepo", []want{
		{"note", "monorepo/platform/powerjob-canary/docker-compose.yml", 5, unath},
		{"warning", "monorepo/platform/powerjob/docker-compose.yml", 3, unath},
		{"warning", "monorepo/services/svc-01/pom.xml", 10, dup},
		{"warning", "monorepo/services/svc-02/pom.xml", 10, dup},
		{"warning", "monorepo/services/svc-03/pom.xml", 10, dup},
		{"note", "monorepo/services/svc-04/pom.xml", 10, dup},
		{"note", "monorepo/services/svc-05/pom.xml", 10, dup},
		{"warning", "monorepo/teams/search/deploy/docker-compose.yml", 3, unath},
	}, 3},
	// Apollo and Config Server (notes), a bootstrap Nacos data-id and a
	// placeholder import location committed (read), a file: import.
	{"config-centers", []want{
		{"note", "config-centers/apollo/src/main/resources/application.properties", 1, unath},
		{"note", "config-centers/cfgsrv/src/main/resources/application.yml", 1, unath},
		{"warning", "config-centers/fileimp/ext/powerjob-auth.properties", 2, unath},
		{"warning", "config-centers/nacos-config/powerjob-server.yaml", 4, unath},
	}, 3},
}

// runCLI runs `twice config` in the fixture directory.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	wd, err := filepath.Abs(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	// SARIF URIs relative to the fixture directory, wherever the checkout is.
	c := cli{stdout: &out, stderr: &errOut, version: "test", workDir: wd, sourceRoot: wd, isTerminal: func() bool { return false }}
	code = c.run(context.Background(), args)
	return out.String(), errOut.String(), code
}

var textLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (error|warning|note): (.*?)(?: \[([a-z-]+)\])?$`)

func parseText(t *testing.T, out string) []want {
	t.Helper()
	var got []want
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		m := textLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("output line does not have the path:line:col: severity: message [rule] shape: %q", l)
		}
		line, _ := strconv.Atoi(m[2])
		got = append(got, want{severity: m[4], path: m[1], line: line, rule: m[6]})
	}
	return got
}

func TestEndToEndText(t *testing.T) {
	for _, tc := range e2eCases {
		t.Run(tc.tree, func(t *testing.T) {
			out, stderr, code := runCLI(t, "-q", tc.tree)
			if code != tc.exit {
				t.Errorf("exit code = %d, want %d; stderr: %s", code, tc.exit, stderr)
			}
			assertWants(t, parseText(t, out), tc.want)
			golden(t, filepath.Join("testdata", "golden", tc.tree+".txt"), out)
		})
	}
}

func TestEndToEndJSON(t *testing.T) {
	for _, tc := range e2eCases {
		t.Run(tc.tree, func(t *testing.T) {
			out, _, code := runCLI(t, "-format", "json", tc.tree)
			if code != tc.exit {
				t.Errorf("exit code = %d, want %d", code, tc.exit)
			}
			var doc struct {
				Version  int `json:"version"`
				Findings []struct {
					Rule, Severity, Message string
					Location                Location
					Related                 []Related
				} `json:"findings"`
				Errors []struct {
					Message  string
					Location Location
				} `json:"errors"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if doc.Version != 1 || doc.Findings == nil || doc.Errors == nil {
				t.Errorf("version %d, findings nil %v, errors nil %v: want 1 and arrays", doc.Version, doc.Findings == nil, doc.Errors == nil)
			}
			var got []want
			for _, f := range doc.Findings {
				got = append(got, want{f.Severity, f.Location.Path, f.Location.Line, f.Rule})
				if f.Related == nil {
					t.Errorf("%s: related is null, want an array", f.Location.Path)
				}
			}
			for _, e := range doc.Errors {
				got = append(got, want{"error", e.Location.Path, e.Location.Line, ""})
			}
			assertWants(t, got, tc.want)
		})
	}
}

func TestEndToEndSARIF(t *testing.T) {
	schema := compileSARIFSchema(t)
	for _, tc := range e2eCases {
		t.Run(tc.tree, func(t *testing.T) {
			out, _, code := runCLI(t, "-format", "sarif", tc.tree)
			if code != tc.exit {
				t.Errorf("exit code = %d, want %d", code, tc.exit)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatalf("SARIF is not JSON: %v", err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("SARIF does not match the 2.1.0 schema: %v", err)
			}
			var log struct {
				Runs []struct {
					Tool struct {
						Driver struct {
							Rules []struct{ ID, HelpURI string }
						}
					}
					Invocations []struct {
						ExecutionSuccessful        bool
						ToolExecutionNotifications []struct {
							Level     string
							Locations []sarifLoc
						}
					}
					Results []struct {
						RuleID    string
						RuleIndex int
						Level     string
						Locations []sarifLoc
					}
				}
			}
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			var got []want
			for _, r := range run.Results {
				if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
				}
				got = append(got, want{r.Level, r.Locations[0].path(t), r.Locations[0].PhysicalLocation.Region.StartLine, r.RuleID})
			}
			inv := run.Invocations[0]
			for _, n := range inv.ToolExecutionNotifications {
				got = append(got, want{n.Level, n.Locations[0].path(t), n.Locations[0].PhysicalLocation.Region.StartLine, ""})
			}
			if inv.ExecutionSuccessful != (tc.exit != 1) {
				t.Errorf("executionSuccessful = %v with exit %d", inv.ExecutionSuccessful, tc.exit)
			}
			for _, r := range run.Tool.Driver.Rules {
				if r.HelpURI != "https://github.com/twice-lint/twice#"+r.ID {
					t.Errorf("rule %s helpUri = %q", r.ID, r.HelpURI)
				}
			}
			assertWants(t, got, tc.want)
		})
	}
}

// TestSARIFGolden keeps whole SARIF logs byte for byte, so that a change in
// the shared internal/sarif writer (field order, escaping, omitted fields)
// shows up here. The working directory's absolute URI is replaced by
// file:///WORKDIR/.
func TestSARIFGolden(t *testing.T) {
	wd, err := filepath.Abs(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tree := range []string{
		"maven-embedded",   // related locations, rule help in Markdown
		"broken-mixed",     // notifications quoting '<' in XML errors
		"client-non-ascii", // percent-encoded URIs
	} {
		t.Run(tree, func(t *testing.T) {
			out, _, _ := runCLI(t, "-format", "sarif", tree)
			out = strings.ReplaceAll(out, sarif.DirURI(wd), "file:///WORKDIR/")
			golden(t, filepath.Join("testdata", "golden", tree+".sarif"), out)
		})
	}
}

type sarifLoc struct {
	PhysicalLocation struct {
		ArtifactLocation struct{ URI, URIBaseID string }
		Region           struct{ StartLine int }
	}
}

func (l sarifLoc) path(t *testing.T) string {
	t.Helper()
	if l.PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("uriBaseId = %q, want %%SRCROOT%%", l.PhysicalLocation.ArtifactLocation.URIBaseID)
	}
	// URIs are percent-encoded (non-ASCII directory names, spaces).
	p, err := url.PathUnescape(l.PhysicalLocation.ArtifactLocation.URI)
	if err != nil {
		t.Errorf("artifact URI %q: %v", l.PhysicalLocation.ArtifactLocation.URI, err)
	}
	return p
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	abs, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	// This copy of the OASIS schema keeps the root object under definitions/Root.
	s, err := c.Compile(abs + "#/definitions/Root")
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	return s
}

func assertWants(t *testing.T, got, wantList []want) {
	t.Helper()
	sortWants := func(ws []want) []string {
		var s []string
		for _, w := range ws {
			s = append(s, w.String())
		}
		slices.Sort(s)
		return s
	}
	g, w := sortWants(got), sortWants(wantList)
	if !slices.Equal(g, w) {
		t.Errorf("findings/errors:\n got  %q\n want %q", g, w)
	}
}

// golden compares out with a reviewed copy of the full output; -update
// rewrites it.
func golden(t *testing.T, file, out string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("golden file: %v (run go test -update)", err)
	}
	if string(b) != out {
		t.Errorf("output differs from %s:\n got:\n%s\nwant:\n%s", file, out, b)
	}
}

func TestExitCodesAndUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string // substring of stderr
	}{
		{"findings at default -fail-on warning", []string{"fixed-server"}, 3, ""},
		{"-fail-on error ignores warnings", []string{"-fail-on", "error", "fixed-server"}, 0, ""},
		{"-fail-on none", []string{"-fail-on", "none", "fixed-server"}, 0, ""},
		{"-fail-on note catches notes", []string{"-fail-on", "note", "client-only"}, 3, ""},
		{"notes pass at -fail-on warning", []string{"client-only"}, 0, ""},
		{"input errors take precedence", []string{"-fail-on", "none", "broken-files"}, 1, ""},
		{"missing path is an input error", []string{"does-not-exist", "no-powerjob"}, 1, ""},
		{"unknown flag", []string{"-frobnicate"}, 2, "flag provided but not defined"},
		{"bad format", []string{"-format", "xml", "."}, 2, "invalid -format"},
		{"bad fail-on", []string{"-fail-on", "critical", "."}, 2, "invalid -fail-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.err)
			}
		})
	}
}

func TestMissingPathReported(t *testing.T) {
	out, _, _ := runCLI(t, "does-not-exist")
	if !strings.HasPrefix(out, "does-not-exist:1:1: error: ") {
		t.Errorf("output %q: want an error line for the missing path", out)
	}
}

// TestDeterministic runs the whole fixture directory several times with
// different worker counts: the output must be byte-identical.
func TestDeterministic(t *testing.T) {
	wd, _ := filepath.Abs(fixtureDir)
	for _, format := range []string{FormatText, FormatJSON, FormatSARIF} {
		var first string
		for i, workers := range []int{1, 2, 8, 8} {
			r, err := Scan(context.Background(), []string{"."}, Options{WorkDir: wd, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(r, format, &buf, WriteOptions{WorkDir: wd, ToolVersion: "test"}); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.String()
				if len(r.Findings) < 10 {
					t.Fatalf("only %d findings over all fixtures: the comparison would prove little", len(r.Findings))
				}
				continue
			}
			if buf.String() != first {
				t.Fatalf("%s output differs between runs (workers=%d)", format, workers)
			}
		}
	}
}

func TestProgressOnlyOnTerminalAfterDelay(t *testing.T) {
	wd, _ := filepath.Abs(fixtureDir)
	tests := []struct {
		name     string
		terminal bool
		delay    time.Duration
		args     []string
		want     bool
	}{
		{"terminal, slow scan", true, 0, []string{"."}, true},
		{"terminal, fast scan", true, time.Hour, []string{"."}, false},
		{"not a terminal", false, 0, []string{"."}, false},
		{"quiet", true, 0, []string{"-q", "."}, false},
		{"json output", true, 0, []string{"-format", "json", "."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			c := cli{stdout: &out, stderr: &errOut, workDir: wd, isTerminal: func() bool { return tt.terminal }, progressDelay: tt.delay}
			c.run(context.Background(), tt.args)
			// The summary line (text output without -q) comes last, after
			// the progress line has been erased.
			progress := errOut.String()
			if i := strings.LastIndex(progress, "twice config: "); i >= 0 && strings.HasSuffix(progress, "\n") {
				progress = progress[:i]
			}
			got := strings.Contains(progress, "files read…")
			if got != tt.want {
				t.Errorf("progress shown = %v, want %v (stderr %q)", got, tt.want, errOut.String())
			}
			if got && !strings.HasSuffix(progress, "\r") {
				t.Errorf("progress line not erased at the end: %q", errOut.String())
			}
		})
	}
}

func TestRulesMetadata(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		ids[r.ID] = true
		if r.ShortDescription == "" || r.FullDescription == "" || r.Help == "" || r.HelpMarkdown == "" || r.DefaultSeverity != SeverityWarning {
			t.Errorf("rule %s has incomplete metadata", r.ID)
		}
		if r.HelpURI != "https://github.com/twice-lint/twice#"+r.ID {
			t.Errorf("rule %s helpURI = %q", r.ID, r.HelpURI)
		}
		if got, ok := RuleByID(r.ID); !ok || got.ID != r.ID {
			t.Errorf("RuleByID(%q) failed", r.ID)
		}
	}
	if !ids[dup] || !ids[unath] || len(ids) != 2 {
		t.Errorf("rules = %v", ids)
	}
}
