package lsp

import "testing"

// editResult applies one edit to text (positions through offsetOf).
func editResult(text string, e textEdit) string {
	b := []byte(text)
	start, end := offsetOf(b, e.Range.Start), offsetOf(b, e.Range.End)
	return string(b[:start]) + e.NewText + string(b[end:])
}

// checkEdit asserts that an edit was offered (ok) and turns text into want,
// or, when none is set, that no edit was offered.
func checkEdit(t *testing.T, text string, e textEdit, ok bool, want string, none bool) {
	t.Helper()
	if none {
		if ok {
			t.Fatalf("unexpected edit %+v", e)
		}
		return
	}
	if !ok {
		t.Fatal("no edit")
	}
	if got := editResult(text, e); got != want {
		t.Errorf("after the edit:\n%s\nwant:\n%s", got, want)
	}
}

// editCase is a file, a finding on one of its lines, and what the code
// action must turn the file into (none: no edit offered).
type editCase struct {
	name, path, text string
	line             int    // 0-based line of the finding
	code             string // the finding's rule
	want             string
	none             bool
}

// checkEdits offers each case's finding to edit and checks the result.
func checkEdits(t *testing.T, tests []editCase, edit func(path string, li *lineIndex, d diagnostic) (textEdit, bool)) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := newLineIndex([]byte(tt.text))
			d := diagnostic{Code: tt.code, Range: lspRange{Start: position{Line: tt.line}, End: position{Line: tt.line}}}
			e, ok := edit(tt.path, li, d)
			checkEdit(t, tt.text, e, ok, tt.want, tt.none)
		})
	}
}

func TestEnableAuthEdit(t *testing.T) {
	tests := []editCase{
		{name: "properties", path: "application.properties",
			text: "server.port=7700\noms.auth.openapi.enable=false\n", line: 1,
			want: "server.port=7700\noms.auth.openapi.enable=true\n"},
		{name: "properties placeholder", path: "application-metrics.properties",
			text: "oms.auth.openapi.enable = ${POWERJOB_OPENAPI_AUTH:false} # local\n", line: 0,
			want: "oms.auth.openapi.enable = true # local\n"},
		{name: "dotted YAML, quoted", path: "application.yml",
			text: "server:\n  port: 7700\noms.auth.openapi.enable: \"off\"\n", line: 2,
			want: "server:\n  port: 7700\noms.auth.openapi.enable: \"true\"\n"},
		{name: "nested YAML", path: "application.yaml",
			text: "oms:\n  auth:\n    openapi:\n      enable: false # default\n", line: 3,
			want: "oms:\n  auth:\n    openapi:\n      enable: true # default\n"},
		{name: "compose environment", path: "docker-compose.yml",
			text: "services:\n  server:\n    environment:\n      - OMS_AUTH_OPENAPI_ENABLE=0\n", line: 3,
			want: "services:\n  server:\n    environment:\n      - OMS_AUTH_OPENAPI_ENABLE=true\n"},
		{name: "compose PARAMS and JVM options", path: "docker-compose.yml",
			text: "      PARAMS: \"--oms.auth.openapi.enable=no --server.port=7700\"\n", line: 0,
			want: "      PARAMS: \"--oms.auth.openapi.enable=true --server.port=7700\"\n"},
		{name: "Dockerfile JVM option", path: "Dockerfile",
			text: "FROM powerjob/powerjob-server:5.1.0\nENV JVMOPTIONS=\"-Doms.auth.openapi.enable=false\"\n", line: 1,
			want: "FROM powerjob/powerjob-server:5.1.0\nENV JVMOPTIONS=\"-Doms.auth.openapi.enable=true\"\n"},
		{name: "absent from a properties file: appended", path: "application.properties",
			text: "server.port=7700", line: 0,
			want: "server.port=7700\noms.auth.openapi.enable=true\n"},
		{name: "absent from a one-document YAML file: added at the top", path: "application.yml",
			text: "server:\n  port: 7700\n", line: 0,
			want: "oms.auth.openapi.enable: true\nserver:\n  port: 7700\n"},
		{name: "already true", path: "application.properties",
			text: "oms.auth.openapi.enable=true\n", line: 0, none: true},
		{name: "set on another line: no guess", path: "application.properties",
			text: "a=b\noms.auth.openapi.enable=${AUTH}\n", line: 0, none: true},
		{name: "absent from a multi-document YAML file", path: "application.yml",
			text: "server:\n  port: 7700\n---\nspring.config.activate.on-profile: prod\n", line: 0, none: true},
		{name: "compose image line", path: "docker-compose.yml",
			text: "services:\n  server:\n    image: powerjob/powerjob-server:5.1.0\n", line: 2, none: true},
	}
	checkEdits(t, tests, func(path string, li *lineIndex, d diagnostic) (textEdit, bool) {
		d.Code = "unauthenticated-openapi"
		return enableAuthEdit(path, li, d)
	})
}

func TestSuppressionEdits(t *testing.T) {
	tests := []editCase{
		{name: "Go line without a comment", path: "x.go", code: "unsaferetry",
			text: "package x\n\nfunc f() {\n\thttp.Post(\"http://a//b\", \"\", nil)\n}\n", line: 3,
			want: "package x\n\nfunc f() {\n\thttp.Post(\"http://a//b\", \"\", nil) //nolint:unsaferetry // reason\n}\n"},
		{name: "Go line with a comment", path: "x.go", code: "resend",
			text: "package x\n\nfunc f() {\n\t\tsend() // again\n}\n", line: 3,
			want: "package x\n\nfunc f() {\n\t\t//nolint:resend // reason\n\t\tsend() // again\n}\n"},
		{name: "Go line inside a block comment's end", path: "x.go", code: "resend",
			text: "package x\n\n/* a\nb */ var v = send()\n", line: 3,
			want: "package x\n\n/* a\n//nolint:resend // reason\nb */ var v = send()\n"},
		{name: "indented YAML", path: "application.yml", code: "unauthenticated-openapi",
			text: "oms:\n  auth:\n    openapi:\n      enable: false\n", line: 3,
			want: "oms:\n  auth:\n    openapi:\n      # twice:ignore unauthenticated-openapi reason\n      enable: false\n"},
		{name: "Gradle", path: "build.gradle", code: "duplicate-openapi-request",
			text: "dependencies {\n    implementation 'tech.powerjob:powerjob-client:5.1.0'\n}\n", line: 1,
			want: "dependencies {\n    // twice:ignore duplicate-openapi-request reason\n    implementation 'tech.powerjob:powerjob-client:5.1.0'\n}\n"},
		{name: "properties continuation above", path: "application.properties", code: "unauthenticated-openapi",
			text: "a=one \\\n  two\noms.auth.openapi.enable=false\n", line: 2,
			want: "a=one \\\n  two\n# twice:ignore unauthenticated-openapi reason\noms.auth.openapi.enable=false\n"},
		{name: "inside a properties continuation", path: "application.properties", code: "unauthenticated-openapi",
			text: "a=one \\\noms.auth.openapi.enable=false\n", line: 1, none: true},
		{name: "JSON lockfile", path: "lockfile.json", code: "duplicate-openapi-request",
			text: "{}\n", line: 0, none: true},
	}
	checkEdits(t, tests, func(path string, li *lineIndex, d diagnostic) (textEdit, bool) {
		if isGoFile(path) {
			return nolintEdit(li, d), true
		}
		return ignoreEdit(path, li, d)
	})
}
