package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/twice-lint/twice/internal/lsptest"
)

func hasCodes(want ...string) func([]lsptest.Diagnostic) bool {
	return func(ds []lsptest.Diagnostic) bool { return slices.Equal(codes(ds), want) }
}

// TestConfigSession opens a Maven project whose client module talks to a
// server module with OpenAPI auth disabled, edits the server's YAML and
// the pom in unsaved buffers, and checks that the findings follow the
// buffers to every file they concern (and leave the files they no longer
// concern), then asks for code actions and shuts down.
func TestConfigSession(t *testing.T) {
	root := fixture(t, "config/maven-parent-client")
	pom := filepath.Join(root, "pom.xml")
	yml := filepath.Join(root, "job-admin/src/main/resources/application.yml")
	ymlText := readText(t, yml)
	pomText := readText(t, pom)

	s := startSession(t)
	mark := s.c.Mark()
	s.initialize(root, map[string]any{})

	// The first check publishes the whole workspace without opening files.
	pd := s.diagnostics(mark, pom, hasCodes("duplicate-openapi-request"))
	d := pd[0]
	if d.Source != "twice" || d.Severity != severityWarning || d.CodeDescription == nil ||
		d.CodeDescription.Href != "https://github.com/twice-lint/twice#duplicate-openapi-request" {
		t.Errorf("pom diagnostic: %+v", d)
	}
	if d.Range.Start.Line != 33 || d.Range.Start.Character != 6 {
		t.Errorf("pom diagnostic at %+v, want line 33 (0-based), character 6", d.Range.Start)
	}
	if !slices.ContainsFunc(d.RelatedInformation, func(r lsptest.Related) bool { return r.Location.URI == pathToURI(yml) }) {
		t.Errorf("pom diagnostic should relate to the server YAML: %+v", d.RelatedInformation)
	}
	s.diagnostics(mark, yml, hasCodes("unauthenticated-openapi"))
	if !slices.Contains(s.c.ServerRequests(), "window/workDoneProgress/create") {
		t.Errorf("no progress for the first check; server requests: %v", s.c.ServerRequests())
	}

	// Enabling auth in the unsaved YAML clears both files.
	s.open(yml, ymlText)
	mark = s.c.Mark()
	s.change(yml, 2, strings.Replace(ymlText, "enable: false", "enable: true", 1))
	s.diagnostics(mark, yml, hasCodes())
	s.diagnostics(mark, pom, hasCodes())

	// Back to false, and the client dependency removed from the pom: the
	// warning stays only on the YAML.
	s.open(pom, pomText)
	mark = s.c.Mark()
	s.change(yml, 3, ymlText)
	s.change(pom, 2, strings.Replace(pomText, "<artifactId>powerjob-client</artifactId>\n    </dependency>", "<artifactId>powerjob-worker</artifactId>\n    </dependency>", 1))
	s.diagnostics(mark, yml, hasCodes("unauthenticated-openapi"))
	s.diagnostics(mark, pom, hasCodes())

	// Code actions on the YAML finding: enable auth (preferred), and
	// suppress it with a # comment above the line.
	actions := s.codeActions(yml, 2)
	want := map[string]textEdit{
		"twice: set oms.auth.openapi.enable=true": {
			Range:   lspRange{Start: position{2, 25}, End: position{2, 30}},
			NewText: "true",
		},
		"twice: ignore unauthenticated-openapi here (twice:ignore)": {
			Range:   lspRange{Start: position{2, 0}, End: position{2, 0}},
			NewText: "# twice:ignore unauthenticated-openapi reason\n",
		},
	}
	checkActions(t, actions, pathToURI(yml), want)

	// Back to the pom on disk: its finding returns; the pom's suppression
	// is an XML comment, indented like the dependency.
	mark = s.c.Mark()
	s.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": pathToURI(pom)}})
	s.diagnostics(mark, pom, hasCodes("duplicate-openapi-request"))
	checkActions(t, s.codeActions(pom, 33), pathToURI(pom), map[string]textEdit{
		"twice: ignore duplicate-openapi-request here (twice:ignore)": {
			Range:   lspRange{Start: position{33, 0}, End: position{33, 0}},
			NewText: "      <!-- twice:ignore duplicate-openapi-request reason -->\n",
		},
	})

	// failOn warning shows warnings as errors.
	mark = s.c.Mark()
	s.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"twice": map[string]any{"failOn": "warning"}}})
	s.diagnostics(mark, pom, func(ds []lsptest.Diagnostic) bool { return len(ds) == 1 && ds[0].Severity == severityError })
	s.shutdown()
}

func checkActions(t *testing.T, actions []codeAction, uri string, want map[string]textEdit) {
	t.Helper()
	got := map[string]textEdit{}
	for _, a := range actions {
		edits := a.Edit.Changes[uri]
		if len(edits) != 1 {
			t.Errorf("%q: edits %+v", a.Title, a.Edit.Changes)
			continue
		}
		got[a.Title] = edits[0]
	}
	for title, w := range want {
		if g, ok := got[title]; !ok {
			t.Errorf("no code action %q; got %v", title, got)
		} else if g != w {
			t.Errorf("%q: edit %+v, want %+v", title, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("code actions %v, want exactly %v", got, want)
	}
}

func readText(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
