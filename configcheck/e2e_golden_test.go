package configcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/twice-lint/twice/internal/sarif"
)

var update = flag.Bool("update", false, "rewrite the golden outputs under testdata/golden")

// fixtureDir holds the repository-shaped trees; paths in expectations are
// relative to it (the tests run the command with it as working directory).
const fixtureDir = "../testdata/config"

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

// goldenFile is the golden copy of one output of a fixture tree.
func goldenFile(tree, ext string) string {
	return filepath.Join("testdata", "golden", tree+ext)
}

// checkText runs tc's tree with text output: the exit code, the output
// lines and the golden copy.
func checkText(t *testing.T, tc e2eCase) {
	t.Helper()
	out, stderr, code := runCLI(t, "-q", tc.tree)
	if code != tc.exit {
		t.Errorf("exit code = %d, want %d; stderr: %s", code, tc.exit, stderr)
	}
	assertWants(t, parseText(t, out), tc.want)
	golden(t, goldenFile(tc.tree, ".txt"), out)
}

// jsonReport is the JSON output as the end-to-end tests read it.
type jsonReport struct {
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

func decodeJSON(t *testing.T, out string) jsonReport {
	t.Helper()
	var doc jsonReport
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	return doc
}

// wants lists the report's findings and input errors as output lines.
func (r jsonReport) wants() []want {
	var got []want
	for _, f := range r.Findings {
		got = append(got, want{f.Severity, f.Location.Path, f.Location.Line, f.Rule})
	}
	for _, e := range r.Errors {
		got = append(got, want{"error", e.Location.Path, e.Location.Line, ""})
	}
	return got
}

// goldenSARIF compares the SARIF output of tree with its golden copy. The
// working directory's absolute URI is replaced by file:///WORKDIR/, so the
// copy holds wherever the checkout is.
func goldenSARIF(t *testing.T, tree string) {
	t.Helper()
	wd, err := filepath.Abs(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := runCLI(t, "-format", "sarif", tree)
	golden(t, goldenFile(tree, ".sarif"), strings.ReplaceAll(out, sarif.DirURI(wd), "file:///WORKDIR/"))
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
