package springconf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseYAML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []want
	}{
		{"nested leaf key position", "oms:\n  auth:\n    openapi:\n      enable: false\n", []want{{"oms.auth.openapi.enable", "false", 4, 7, false}}},
		{"mixed nested and dotted", "oms:\n  auth: {openapi.enable: false}\n", []want{{"oms.auth.openapi.enable", "false", 2, 10, false}}},
		{"fully dotted", "oms.auth.openapi.enable: on\n", []want{{"oms.auth.openapi.enable", "on", 1, 1, false}}},
		{"scalars keep literal text", "a: false\nb: \"true\"\nc: 1\nd: 'off'\ne: 0x1F\n", []want{
			{"a", "false", 1, 1, false}, {"b", "true", 2, 1, false}, {"c", "1", 3, 1, false},
			{"d", "off", 4, 1, false}, {"e", "0x1F", 5, 1, false},
		}},
		{"null and empty", "a:\nb: ~\nc: null\nd: ''\ne: \"null\"\n", []want{
			{"a", "", 1, 1, false}, {"b", "", 2, 1, false}, {"c", "", 3, 1, false},
			{"d", "", 4, 1, false}, {"e", "null", 5, 1, false},
		}},
		{"sequences", "spring:\n  config:\n    import:\n      - optional:nacos:powerjob.properties\n      - classpath:extra.yml\nports: [7700, 10086]\n", []want{
			{"spring.config.import[0]", "optional:nacos:powerjob.properties", 4, 9, false},
			{"spring.config.import[1]", "classpath:extra.yml", 5, 9, false},
			{"ports[0]", "7700", 6, 9, false}, {"ports[1]", "10086", 6, 15, false},
		}},
		{"sequence of mappings", "servers:\n  - host: a\n    port: 1\n  - host: b\n", []want{
			{"servers[0].host", "a", 2, 5, false}, {"servers[0].port", "1", 3, 5, false}, {"servers[1].host", "b", 4, 5, false},
		}},
		{"bracket keys attach without dot", "routes:\n  \"[/api/**]\": open\n", []want{{"routes[/api/**]", "open", 2, 3, false}}},
		{"empty collections emit nothing", "a: {}\nb: []\nc: 1\n", []want{{"c", "1", 3, 1, false}}},
		{"block scalar", "banner: |\n  line1\n  line2\n", []want{{"banner", "line1\nline2\n", 1, 1, false}}},
		{"anchor and alias", "defaults: &d\n  enable: false\noms:\n  auth:\n    openapi: *d\n", []want{
			{"defaults.enable", "false", 2, 3, false}, {"oms.auth.openapi.enable", "false", 2, 3, false},
		}},
		{"alias scalar keeps key position", "flag: &f off\noms:\n  auth.openapi.enable: *f\n", []want{
			{"flag", "off", 1, 1, false}, {"oms.auth.openapi.enable", "off", 3, 3, false},
		}},
		{"merge key, own keys win", "base: &b\n  enable: true\n  title: x\noms.auth.openapi:\n  <<: *b\n  enable: false\n", []want{
			{"base.enable", "true", 2, 3, false}, {"base.title", "x", 3, 3, false},
			{"oms.auth.openapi.enable", "false", 6, 3, false}, {"oms.auth.openapi.title", "x", 3, 3, false},
		}},
		{"merge list, first source wins", "a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n", []want{
			{"a.k", "1", 1, 8, false}, {"b.k", "2", 2, 8, false}, {"b.j", "3", 2, 14, false},
			{"c.k", "1", 1, 8, false}, {"c.j", "3", 2, 14, false},
		}},
		{"maven token unquoted", "spring:\n  profiles:\n    active: @profiles.active@ # set by maven\n", []want{
			{"spring.profiles.active", "@profiles.active@", 3, 5, true},
		}},
		{"maven token quoted", "spring:\n  profiles:\n    active: '@profiles.active@'\n", []want{
			{"spring.profiles.active", "@profiles.active@", 3, 5, true},
		}},
		{"maven token in flow and list", "a: [@x.y@, b]\nc:\n  - @z@\n", []want{
			{"a[0]", "@x.y@", 1, 5, true}, {"a[1]", "b", 1, 12, false}, {"c[0]", "@z@", 3, 5, true},
		}},
		{"CRLF", "oms:\r\n  auth:\r\n    openapi.enable: true\r\n", []want{{"oms.auth.openapi.enable", "true", 3, 5, false}}},
		{"BOM", "\xEF\xBB\xBFa: 1\n", []want{{"a", "1", 1, 1, false}}},
		{"multibyte text before key: byte column", "名称: {openapi.enable: x}\n", []want{{"名称.openapi.enable", "x", 1, 10, false}}},
		{"invalid UTF-8 comment is tolerated", "# \xB6\xA8\xCA\xB1\xC8\xCE\xCE\xF1\na: 1\n", []want{{"a", "1", 2, 1, false}}},
		{"root scalar holds nothing", "just text\n", nil},
		{"template that parses as YAML", "name: \"{{ .Values.name }}\"\n", []want{{"name", "{{ .Values.name }}", 1, 1, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseYAML("application.yml", []byte(tt.src))
			if err != nil {
				t.Fatalf("ParseYAML: %v", err)
			}
			if got, exp := flat(f), render(0, tt.want...); got != exp {
				t.Errorf("entries:\n%s\nwant:\n%s", got, exp)
			}
		})
	}
}

func TestParseYAMLDocuments(t *testing.T) {
	src := `spring:
  application.name: powerjob-server
oms.auth.openapi.enable: false
---
spring:
  config:
    activate:
      on-profile: prod | cloud
oms.auth.openapi.enable: true
---
spring:
  config.activate.onProfile: [daily, "!prod"]
---
spring:
  profiles: legacy
---
# only a comment
`
	f, err := ParseYAML("application.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		onProfile string
		line, col int
	}{{"", 0, 0}, {"prod | cloud", 8, 7}, {"daily,!prod", 12, 31}, {"legacy", 15, 3}}
	if len(f.Docs) != len(tests) {
		t.Fatalf("got %d documents, want %d:\n%s", len(f.Docs), len(tests), flat(f))
	}
	for i, tt := range tests {
		d := f.Docs[i]
		if d.OnProfile != tt.onProfile || d.OnProfilePos.Line != tt.line || d.OnProfilePos.Col != tt.col {
			t.Errorf("doc %d: OnProfile %q at %d:%d, want %q at %d:%d", i, d.OnProfile,
				d.OnProfilePos.Line, d.OnProfilePos.Col, tt.onProfile, tt.line, tt.col)
		}
	}
	if !f.Docs[1].ActiveFor([]string{"cloud"}) || f.Docs[1].ActiveFor([]string{"dev"}) {
		t.Errorf("doc 1 activation wrong for %q", f.Docs[1].OnProfile)
	}
}

func TestParseYAMLErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"syntax error line", "a: 1\nb: 2\nc 2\nd: 3\n", 3, 1, "could not find expected ':'"},
		{"tab indentation", "oms:\n  auth:\n\topenapi: 1\n", 3, 1, "cannot start any token"},
		{"conflict markers", "a: 1\n<<<<<<< HEAD\nb: 1\n=======\nb: 2\n>>>>>>> main\n", 2, 1, "merge-conflict"},
		{"NUL byte", "a: \x00\n", 1, 4, "NUL"},
		{"duplicate key", "oms:\n  auth: 1\n  auth: 2\n", 3, 3, "duplicate YAML key \"auth\""},
		{"self-referencing anchor", "a: &a\n  b: *a\n", 2, 6, "alias to itself"},
		{"merge of a scalar", "a: &s 1\nb:\n  <<: *s\n", 3, 7, "needs a mapping"},
		{"unknown anchor", "a: *nope\n", 1, 1, "unknown anchor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseYAML("app.yml", []byte(tt.src))
			wantSourceError(t, err, "app.yml", tt.line, tt.col, tt.msg)
		})
	}
}

func TestParseYAMLTemplates(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		template bool
	}{
		{"helm template", "spring:\n  datasource:\n{{- if .Values.mysql.enabled }}\n    url: {{ .Values.mysql.url }}\n{{- end }}\n", true},
		{"go template value", "oms:\n  auth.openapi.enable: {{ .Enable }}\n  x: [\n", true},
		{"template with a key in both branches", "env:\n  # {{ if .Values.auth }}\n  enable: true\n  # {{ else }}\n  enable: false\n  # {{ end }}\n", true},
		{"broken yaml without braces", "a: [\n", false},
		{"duplicate key without braces", "a: 1\na: 2\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseYAML("values.yml", []byte(tt.src))
			if err == nil {
				t.Fatal("want an error")
			}
			if got := errors.Is(err, ErrTemplate); got != tt.template {
				t.Errorf("errors.Is(ErrTemplate) = %v, want %v (%v)", got, tt.template, err)
			}
		})
	}
}

// TestParseYAMLBounds feeds hostile inputs that must fail fast with a
// positioned error instead of exhausting time or memory.
func TestParseYAMLBounds(t *testing.T) {
	tests := []struct {
		name string
		src  string
		msg  string
	}{
		{"billion laughs", billionLaughs(), "more than 100000 entries"},
		{"alias bomb without leaves", strings.Replace(billionLaughs(), `"lol"`, "{}", -1), "too large after alias expansion"},
		{"10k-deep flow nesting", "a: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", "nested deeper than 200"},
		{"beyond the parser's depth limit", "a: " + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n", "max depth"},
		{"deep block nesting", deepBlock(300), "nested deeper than 200"},
		{"deep flow mapping", "a: " + strings.Repeat("{a: ", 500) + "1" + strings.Repeat("}", 500) + "\n", "nested deeper than 200"},
		{"too many entries", manyEntries(100_001), "more than 100000 entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseYAML("bomb.yml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error = %v, want one containing %q", err, tt.msg)
			}
			wantSourceErrorLine(t, err)
		})
	}
}

func wantSourceErrorLine(t *testing.T, err error) {
	t.Helper()
	if line := sourceErrorLine(err); line < 1 {
		t.Errorf("error %v is not a *source.Error with a line", err)
	}
}

// billionLaughs is the classic exponential alias bomb: 9 levels of 9 aliases.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a: &a [" + strings.Repeat(`"lol",`, 8) + `"lol"]` + "\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(name + ": &" + name + " [")
		for i := 0; i < 9; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	return b.String()
}

func deepBlock(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	b.WriteString(strings.Repeat(" ", depth) + "leaf: 1\n")
	return b.String()
}

func manyEntries(n int) string {
	var b strings.Builder
	b.WriteString("items:\n")
	for i := 0; i < n; i++ {
		b.WriteString("  - 1\n")
	}
	return b.String()
}

// TestParseYAMLFixture reads PowerJob-server-shaped YAML as found in real
// deployment repositories: nested keys, a Maven token, profile documents.
func TestParseYAMLFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "powerjob-server", "application.yml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseYAML("application.yml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(f.Docs))
	}
	find := func(d Document, key string) (Entry, bool) {
		for _, e := range d.Entries {
			if CanonicalKey(e.Key) == CanonicalKey(key) {
				return e, true
			}
		}
		return Entry{}, false
	}
	checks := []struct {
		doc int
		w   want
	}{
		{0, want{"spring.profiles.active", "@profiles.active@", 5, 5, true}},
		{0, want{"oms.auth.openapi.enable", "false", 14, 7, false}},
		{0, want{"server.port", "${SERVER_PORT:7700}", 2, 3, false}},
		{1, want{"oms.auth.openapi.enable", "true", 23, 7, false}},
	}
	for _, c := range checks {
		e, ok := find(f.Docs[c.doc], c.w.Key)
		if !ok {
			t.Errorf("doc %d: missing %q", c.doc, c.w.Key)
			continue
		}
		if g := (want{e.Key, e.Value, e.Pos.Line, e.Pos.Col, e.Opaque}); g != c.w {
			t.Errorf("doc %d: got %v, want %v", c.doc, g, c.w)
		}
	}
	if f.Docs[1].OnProfile != "product" || !f.Docs[1].ActiveFor([]string{"product"}) || f.Docs[0].OnProfile != "" {
		t.Errorf("profiles: %q / %q", f.Docs[0].OnProfile, f.Docs[1].OnProfile)
	}
}
