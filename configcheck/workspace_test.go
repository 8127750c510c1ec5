package configcheck

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestWorkspaceMatchesScan checks every fixture tree twice through one
// Workspace (the second time from the cache) and compares with Scan.
func TestWorkspaceMatchesScan(t *testing.T) {
	trees, err := filepath.Glob("../testdata/config/*")
	if err != nil || len(trees) == 0 {
		t.Fatalf("no fixture trees: %v", err)
	}
	for _, tree := range trees {
		t.Run(filepath.Base(tree), func(t *testing.T) {
			dir, err := filepath.Abs(tree)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Scan(context.Background(), nil, Options{WorkDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			ws, err := NewWorkspace(nil, Options{WorkDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			for round := range 2 {
				got, err := ws.Check(context.Background(), nil)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("round %d: workspace report differs from Scan:\ngot  %+v\nwant %+v", round, got, want)
				}
			}
		})
	}
}

// TestWorkspaceBuffers edits unsaved buffers and checks that the findings
// follow them, including a finding that leaves one file while another
// file's finding stays, and that only the edited file is parsed again.
func TestWorkspaceBuffers(t *testing.T) {
	dir, err := filepath.Abs("../testdata/config/maven-parent-client")
	if err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(dir, "job-admin/src/main/resources/application.yml")
	pom := filepath.Join(dir, "pom.xml")
	pomData, err := os.ReadFile(pom)
	if err != nil {
		t.Fatal(err)
	}
	noClient := strings.Replace(string(pomData), "<artifactId>powerjob-client</artifactId>\n    </dependency>", "<artifactId>powerjob-worker</artifactId>\n    </dependency>", 1)
	if noClient == string(pomData) {
		t.Fatal("fixture changed: cannot remove the client dependency")
	}
	steps := []struct {
		name    string
		overlay map[string][]byte
		want    []string // "path:line rule", sorted like the report
	}{
		{"disk", nil, []string{
			"job-admin/src/main/resources/application.yml:3 unauthenticated-openapi",
			"pom.xml:34 duplicate-openapi-request",
		}},
		{"auth enabled in the buffer", map[string][]byte{yml: []byte("server:\n  port: 7700\noms.auth.openapi.enable: true\n")}, nil},
		{"client removed from the pom", map[string][]byte{pom: []byte(noClient)}, []string{
			"job-admin/src/main/resources/application.yml:3 unauthenticated-openapi",
		}},
		{"setting moved down a line", map[string][]byte{yml: []byte("server:\n  port: 7700\n\noms.auth.openapi.enable: off\n")}, []string{
			"job-admin/src/main/resources/application.yml:4 unauthenticated-openapi",
			"pom.xml:34 duplicate-openapi-request",
		}},
		// A server config that does not parse makes the setting unknown: a
		// note at the server module, and the client finding stays.
		{"broken YAML", map[string][]byte{yml: []byte("server: [\n")}, []string{
			"job-admin/pom.xml:13 unauthenticated-openapi",
			"pom.xml:34 duplicate-openapi-request",
		}},
	}
	ws, err := NewWorkspace(nil, Options{WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		before := cacheEntries(ws)
		r, err := ws.Check(context.Background(), st.overlay)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		var got []string
		for _, f := range r.Findings {
			got = append(got, f.Location.Path+":"+strconv.Itoa(f.Location.Line)+" "+f.Rule)
		}
		if !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: findings %q, want %q", st.name, got, st.want)
		}
		if before == nil {
			continue
		}
		// Only buffered files (or files whose buffer went away) may be
		// parsed again.
		for p, pf := range cacheEntries(ws) {
			if before[p] != pf && !pf.stamp.buffer && !before[p].stamp.buffer {
				t.Errorf("%s: %s was parsed again although it did not change", st.name, p)
			}
		}
	}
}

func cacheEntries(ws *Workspace) map[string]*parsedFile {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if len(ws.cache) == 0 {
		return nil
	}
	out := map[string]*parsedFile{}
	for p, pf := range ws.cache {
		out[p] = pf
	}
	return out
}
