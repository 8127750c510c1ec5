package configcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/twice-lint/twice/internal/sarif"
)

func TestSARIFColumnsInUTF16(t *testing.T) {
	dir := t.TempDir()
	// "ü" is 2 bytes / 1 UTF-16 unit, "😀" 4 bytes / 2 units: byte column 9
	// (the x) is UTF-16 column 6.
	if err := os.WriteFile(filepath.Join(dir, "a.yml"), []byte("\xef\xbb\xbfk: 1\nü😀 x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSourceLines(dir)
	tests := []struct {
		in   Location
		want int
	}{
		{Location{Path: "a.yml", Line: 2, Column: 9}, 6},
		{Location{Path: "a.yml", Line: 1, Column: 4}, 4},    // after a BOM: columns count from the text
		{Location{Path: "a.yml", Line: 2, Column: 1}, 1},    // column 1 is column 1 in every unit
		{Location{Path: "a.yml", Line: 9, Column: 3}, 0},    // no such line: column left out
		{Location{Path: "gone.yml", Line: 1, Column: 3}, 0}, // unreadable: column left out, never wrong
	}
	for _, tt := range tests {
		if got := s.utf16(tt.in).Column; got != tt.want {
			t.Errorf("utf16(%+v) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestSARIFFingerprintsIgnoreLineNumbers scans a server config, inserts
// lines above the setting and scans again: the finding moves, its
// fingerprint stays; a second, different finding has another fingerprint.
func TestSARIFFingerprintsIgnoreLineNumbers(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "scheduler", "config", "application.properties")
	compose := filepath.Join(dir, "deploy", "docker-compose.yml")
	write := func(p, s string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type result struct {
		Locations []struct {
			PhysicalLocation struct {
				Region struct{ StartLine, StartColumn int }
			}
		}
		PartialFingerprints map[string]string
	}
	scan := func() (columnKind string, rs []result) {
		r, err := Scan(context.Background(), nil, Options{WorkDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteSARIF(r, &buf, WriteOptions{WorkDir: dir}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				ColumnKind string
				Results    []result
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		return log.Runs[0].ColumnKind, log.Runs[0].Results
	}
	write(conf, "oms.auth.openapi.enable=false\n")
	write(compose, "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.2\n")
	kind, before := scan()
	write(conf, "# owned by the platform team\n# see runbook\n\noms.auth.openapi.enable = false\n")
	_, after := scan()
	if kind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q, want utf16CodeUnits", kind)
	}
	if len(before) != 2 || len(after) != 2 {
		t.Fatalf("results: %d before, %d after; want 2 and 2", len(before), len(after))
	}
	line := func(r result) int { return r.Locations[0].PhysicalLocation.Region.StartLine }
	// Results are sorted by path: deploy/ first, then scheduler/.
	if line(before[1]) != 1 || line(after[1]) != 4 {
		t.Fatalf("setting at line %d then %d, want 1 then 4", line(before[1]), line(after[1]))
	}
	for i := range before {
		b, a := before[i].PartialFingerprints[sarif.FingerprintKey], after[i].PartialFingerprints[sarif.FingerprintKey]
		if b == "" || b != a {
			t.Errorf("result %d: fingerprint %q before, %q after; want equal and set", i, b, a)
		}
	}
	if before[0].PartialFingerprints[sarif.FingerprintKey] == before[1].PartialFingerprints[sarif.FingerprintKey] {
		t.Error("two different findings share a fingerprint")
	}
}
