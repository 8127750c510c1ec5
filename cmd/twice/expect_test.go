package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// diag is one reported diagnostic, normalised across go vet's text output,
// the JSON outputs and SARIF: file is slash-separated and relative to the
// fixture module; analyzer is empty when the format does not say it.
type diag struct {
	analyzer string
	file     string
	line     int
	col      int
	message  string
}

func (d diag) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", d.file, d.line, d.col, d.message)
	if d.analyzer != "" {
		s += " [" + d.analyzer + "]"
	}
	return s
}

// expectation is a `// want[label] analyzer `regexp“ comment in a fixture.
type expectation struct {
	label    string // "" = expected in every run
	analyzer string
	file     string
	line     int
	message  *regexp.Regexp
}

func (e expectation) String() string {
	return fmt.Sprintf("%s:%d: %s diagnostic matching %q", e.file, e.line, e.analyzer, e.message)
}

var wantComment = regexp.MustCompile("// want(?:\\[(\\w+)\\])? (\\w+) `([^`]*)`")

// readExpectations collects the want comments of every .go file under the
// module at dir (the comments are the contract; see testdata/vet/README.md).
func readExpectations(t *testing.T, dir string) []expectation {
	t.Helper()
	var out []expectation
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			for _, m := range wantComment.FindAllStringSubmatch(sc.Text(), -1) {
				re, err := regexp.Compile(m[3])
				if err != nil {
					return fmt.Errorf("%s:%d: bad want regexp: %w", rel, n, err)
				}
				out = append(out, expectation{label: m[1], analyzer: m[2], file: filepath.ToSlash(rel), line: n, message: re})
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no want comments under %s", dir)
	}
	return out
}

// selectExpectations keeps the expectations that hold for a run with the
// given labels, for files under one of the dirs (module-relative, "" = all)
// and, when only is non-empty, for that analyzer.
func selectExpectations(all []expectation, labels []string, dirs []string, only string) []expectation {
	var out []expectation
	for _, e := range all {
		if e.label != "" && !contains(labels, e.label) {
			continue
		}
		if only != "" && e.analyzer != only {
			continue
		}
		for _, d := range dirs {
			if d == "" || strings.HasPrefix(e.file, d+"/") {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkDiagnostics reports every expectation without a matching diagnostic
// and every diagnostic nobody expected.
func checkDiagnostics(t *testing.T, got []diag, want []expectation) {
	t.Helper()
	used := make([]bool, len(got))
	for _, e := range want {
		found := false
		for i, d := range got {
			if used[i] || d.file != e.file || d.line != e.line || !e.message.MatchString(d.message) {
				continue
			}
			if d.analyzer != "" && d.analyzer != e.analyzer {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			t.Errorf("missing: %s", e)
		}
	}
	for i, d := range got {
		if !used[i] {
			t.Errorf("unexpected: %s", d)
		}
	}
}

var textDiag = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*)$`)

// parseTextDiagnostics reads "file:line:col: message" lines (go vet and
// twice text output); other lines ("# pkg" headers) are skipped.
func parseTextDiagnostics(t *testing.T, out, moduleDir string) []diag {
	t.Helper()
	var ds []diag
	for _, line := range strings.Split(out, "\n") {
		m := textDiag.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[4], "\t") {
			continue // not a diagnostic, or its related information
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		ds = append(ds, diag{file: moduleRel(t, m[1], moduleDir), line: ln, col: col, message: m[4]})
	}
	return ds
}

// jsonDiagnostic is the x/tools JSON diagnostic (go vet -json and
// multichecker -json share it).
type jsonDiagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// parseJSONDiagnostics reads the x/tools JSON tree
// {package: {analyzer: [diagnostic…] | {"error": …}}}. go vet prints one
// such object per package, preceded by "# pkg" comment lines; twice -json
// prints a single object. Test variants repeat diagnostics; they are
// de-duplicated.
func parseJSONDiagnostics(t *testing.T, out, moduleDir string) []diag {
	t.Helper()
	var clean strings.Builder
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "#") {
			clean.WriteString(line + "\n")
		}
	}
	dec := json.NewDecoder(strings.NewReader(clean.String()))
	seen := map[diag]bool{}
	var ds []diag
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decoding JSON diagnostics: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var list []jsonDiagnostic
				if err := json.Unmarshal(raw, &list); err != nil {
					t.Errorf("%s: analyzer %s failed: %s", pkg, analyzer, raw)
					continue
				}
				for _, jd := range list {
					d := diag{analyzer: analyzer, message: jd.Message}
					d.file, d.line, d.col = splitPosn(t, jd.Posn, moduleDir)
					if !seen[d] {
						seen[d] = true
						ds = append(ds, d)
					}
				}
			}
		}
	}
	sortDiags(ds)
	return ds
}

func splitPosn(t *testing.T, posn, moduleDir string) (string, int, int) {
	t.Helper()
	file, line, col, ok := splitPos(posn)
	if !ok {
		t.Fatalf("bad position %q", posn)
	}
	return moduleRel(t, file, moduleDir), line, col
}

// moduleRel makes a reported file name relative to the fixture module.
func moduleRel(t *testing.T, file, moduleDir string) string {
	t.Helper()
	if !filepath.IsAbs(file) {
		file = filepath.Join(moduleDir, file)
	}
	rel, err := filepath.Rel(moduleDir, file)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

func sortDiags(ds []diag) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].String() < ds[j].String() })
}
