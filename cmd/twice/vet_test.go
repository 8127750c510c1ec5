package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The -unsaferetry.* flags of the "flags" runs: the job queue's Submit
// retries its func argument out of sight, and the ledger interface's Record
// appends an entry on every call.
var ordersFlags = []string{
	"-unsaferetry.retryfuncs=(*example.com/orders/internal/jobs.Queue).Submit",
	"-unsaferetry.mutating=(example.com/orders/internal/ledger.Ledger).Record",
}

func fixtureDir(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vet", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestGoVetVettool runs the binary the way CI does, through go vet, and
// compares the diagnostics with the want comments of the fixture.
func TestGoVetVettool(t *testing.T) {
	dir := fixtureDir(t, "orders")
	wants := readExpectations(t, dir)
	tests := []struct {
		name     string
		flags    []string
		labels   []string
		patterns []string
		dirs     []string // module-relative dirs the patterns cover ("" = all)
		only     string   // analyzer selected with -NAME
	}{
		{name: "defaults", patterns: []string{"./..."}, dirs: []string{""}},
		{name: "analyzer flags passed through go vet", flags: ordersFlags, labels: []string{"flags"}, patterns: []string{"./..."}, dirs: []string{""}},
		{name: "one analyzer selected", flags: []string{"-resend"}, patterns: []string{"./..."}, dirs: []string{""}, only: "resend"},
		{name: "one package", patterns: []string{"./internal/powerjob"}, dirs: []string{"internal/powerjob"}},
		{name: "clean package", patterns: []string{"./internal/catalog"}, dirs: []string{"internal/catalog"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := selectExpectations(wants, tt.labels, tt.dirs, tt.only)
			res := goVetCached(t, dir, append(append([]string{}, tt.flags...), tt.patterns...)...)
			got := parseTextDiagnostics(t, res.stderr, dir)
			checkDiagnostics(t, got, want)
			// go vet exits 1 when the tool reported anything, 0 otherwise.
			wantCode := 0
			if len(want) > 0 {
				wantCode = 1
			}
			if res.code != wantCode {
				t.Errorf("go vet exit status %d, want %d\nstderr:\n%s", res.code, wantCode, res.stderr)
			}
			if len(want) == 0 && strings.TrimSpace(res.stderr) != "" {
				t.Errorf("go vet printed output on a clean package:\n%s", res.stderr)
			}
		})
	}
}

// TestStandaloneMatchesGoVet: go vet's JSON output names the analyzer of
// each expected diagnostic, and `twice -json ./...` (go/packages driver)
// agrees with go vet (unitchecker, facts through export data) on every
// diagnostic, position and message.
func TestStandaloneMatchesGoVet(t *testing.T) {
	dir := fixtureDir(t, "orders")
	wants := readExpectations(t, dir)
	for _, run := range []struct {
		flags  []string
		labels []string
	}{{nil, nil}, {ordersFlags, []string{"flags"}}} {
		flags := run.flags
		vet := goVetCached(t, dir, append(append([]string{"-json"}, flags...), "./...")...)
		if vet.code != 0 { // go vet -json exits 0 unless something failed
			t.Fatalf("go vet -json %v: exit status %d\n%s", flags, vet.code, vet.stderr)
		}
		fromVet := parseJSONDiagnostics(t, jsonOutput(vet), dir)
		checkDiagnostics(t, fromVet, selectExpectations(wants, run.labels, []string{""}, ""))

		standalone := twiceCached(t, dir, append(append([]string{"-json"}, flags...), "./...")...)
		if standalone.code != 0 { // -json always exits 0 unless something failed
			t.Fatalf("twice -json %v: exit status %d\n%s", flags, standalone.code, standalone.stderr)
		}
		fromTwice := parseJSONDiagnostics(t, standalone.stdout, dir)

		if len(fromVet) == 0 {
			t.Errorf("flags %v: no diagnostics from go vet; the fixture expects some", flags)
		}
		if a, b := diagStrings(fromVet), diagStrings(fromTwice); a != b {
			t.Errorf("flags %v: go vet and twice -json disagree\ngo vet:\n%s\ntwice -json:\n%s", flags, a, b)
		}
	}
}

// TestStandaloneExitCodes: 3 with findings, 0 when clean, 1 on errors.
func TestStandaloneExitCodes(t *testing.T) {
	dir := fixtureDir(t, "orders")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"findings", []string{"./..."}, exitFindings},
		{"clean package", []string{"./internal/catalog"}, exitClean},
		{"json never fails on findings", []string{"-json", "./..."}, exitClean},
		{"package that does not exist", []string{"./internal/nosuchpkg"}, exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := twiceCached(t, dir, tt.args...)
			if res.code != tt.code {
				t.Errorf("twice %v: exit status %d, want %d\nstderr:\n%s", tt.args, res.code, tt.code, res.stderr)
			}
		})
	}
}

// TestNolintIsWhatSilences removes the //nolint comment from a copy of the
// fixture: the finding must then appear, so the silence in the other tests
// comes from the suppression and not from a blind spot.
func TestNolintIsWhatSilences(t *testing.T) {
	tmp := t.TempDir()
	copyTree(t, filepath.Join(fixtureDir(t, ""), "orders"), filepath.Join(tmp, "orders"))
	copyTree(t, filepath.Join(fixtureDir(t, ""), "stubs"), filepath.Join(tmp, "stubs"))
	file := filepath.Join(tmp, "orders", "internal", "checkout", "checkout.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const nolint = " //nolint:unsaferetry // deduplicated by order ID"
	if !strings.Contains(string(src), nolint) {
		t.Fatalf("fixture no longer contains %q", nolint)
	}
	line := 1 + strings.Count(string(src[:strings.Index(string(src), nolint)]), "\n")
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), nolint, "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "orders")
	res := runIn(t, dir, "go", "vet", "-vettool="+twiceBin, "./internal/checkout")
	found := false
	for _, d := range parseTextDiagnostics(t, res.stderr, dir) {
		if d.file == "internal/checkout/checkout.go" && d.line == line {
			found = true
		}
	}
	if !found {
		t.Errorf("without //nolint, no diagnostic at checkout.go:%d\n%s", line, res.stderr)
	}
}

// jsonOutput is where the x/tools JSON went: go vet writes it to stdout
// since Go 1.26 (stderr before).
func jsonOutput(r result) string {
	if strings.TrimSpace(r.stdout) != "" {
		return r.stdout
	}
	return r.stderr
}

func diagStrings(ds []diag) string {
	sortDiags(ds)
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// copyTree copies the regular files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
