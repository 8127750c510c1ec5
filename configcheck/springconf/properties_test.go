package springconf

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseProperties(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []want
	}{
		{"separators", "a=1\nb:2\nc 3\nd = 4\ne : 5\nf\t\t6\ng  =  7\n", []want{
			{"a", "1", 1, 1, false}, {"b", "2", 2, 1, false}, {"c", "3", 3, 1, false},
			{"d", "4", 4, 1, false}, {"e", "5", 5, 1, false}, {"f", "6", 6, 1, false}, {"g", "7", 7, 1, false},
		}},
		{"key only and empty value", "lonely\nempty=\n", []want{{"lonely", "", 1, 1, false}, {"empty", "", 2, 1, false}}},
		{"second separator is value text", "url=jdbc:mysql://db:3306/powerjob?a=b\n", []want{{"url", "jdbc:mysql://db:3306/powerjob?a=b", 1, 1, false}}},
		{"blank then = still one separator", "k = = v\n", []want{{"k", "= v", 1, 1, false}}},
		{"leading blanks give the column", "   oms.auth.openapi.enable=false\n", []want{{"oms.auth.openapi.enable", "false", 1, 4, false}}},
		{"comments and blank lines", "# comment\n! bang comment\n\n   # indented comment\nk=v\n", []want{{"k", "v", 5, 1, false}}},
		{"comment ending in backslash does not continue", "# note \\\nk=v\n", []want{{"k", "v", 2, 1, false}}},
		{"continuation keeps first line position", "\n  oms.auth.openapi.enable = \\\n      false\nnext=1\n", []want{
			{"oms.auth.openapi.enable", "false", 2, 3, false}, {"next", "1", 4, 1, false},
		}},
		{"continuation inside key", "oms.auth.\\\n   openapi.enable=true\n", []want{{"oms.auth.openapi.enable", "true", 1, 1, false}}},
		{"continuation line starting with # is content", "k=a\\\n  #b\n", []want{{"k", "a#b", 1, 1, false}}},
		{"even backslashes do not continue", "path=C:\\\\\nnext=1\n", []want{{"path", "C:\\", 1, 1, false}, {"next", "1", 2, 1, false}}},
		{"empty continuation line ends entry", "k=a\\\n\nj=b\n", []want{{"k", "a", 1, 1, false}, {"j", "b", 3, 1, false}}},
		{"backslash at end of file", "k=a\\", []want{{"k", "a", 1, 1, false}}},
		{"lone continuation backslash", "\\\n  k=v\n\\\n\nj=w\n\\", []want{{"k", "v", 2, 3, false}, {"j", "w", 5, 1, false}}},
		{"escapes", `k=tab\there\nnl\rcr\fff\=\:\\\#x` + "\n", []want{{"k", "tab\there\nnl\rcr\fff=:\\#x", 1, 1, false}}},
		{"escaped separators in key", `a\=b\:c\ d=v` + "\n", []want{{"a=b:c d", "v", 1, 1, false}}},
		{"unicode escapes", `name=\u5B9A\u65F6\u4EFB\u52A1 \uD83D\uDE00` + "\n", []want{{"name", "定时任务 😀", 1, 1, false}}},
		{"lone surrogate becomes replacement", `k=\uD83D!` + "\n", []want{{"k", "\uFFFD!", 1, 1, false}}},
		{"CRLF", "a=1\r\nb=2\r\n", []want{{"a", "1", 1, 1, false}, {"b", "2", 2, 1, false}}},
		{"CR only", "a=1\rb=2\r", []want{{"a", "1", 1, 1, false}, {"b", "2", 2, 1, false}}},
		{"CRLF continuation", "a=x\\\r\n   y\r\nb=2\r\n", []want{{"a", "xy", 1, 1, false}, {"b", "2", 3, 1, false}}},
		{"separator on the continuation line keeps an escaped blank", "k \\\n= \\ v\n", []want{{"k", " v", 1, 1, false}}},
		{"CRLF continuation right after the separator", "k \\\r\nv\r\nj=\\\r\n w\r\n", []want{{"k", "v", 1, 1, false}, {"j", "w", 3, 1, false}}},
		{"BOM stripped, column after it", "\xEF\xBB\xBFoms.auth.openapi.enable=true\n", []want{{"oms.auth.openapi.enable", "true", 1, 1, false}}},
		{"maven token is opaque", "spring.profiles.active=@profiles.active@\nk=a@b@\n", []want{
			{"spring.profiles.active", "@profiles.active@", 1, 1, true}, {"k", "a@b@", 2, 1, false},
		}},
		{"trailing blanks of a value are kept", "k=v  \n", []want{{"k", "v  ", 1, 1, false}}},
		{"byte column after multibyte text", "中文=1\n", []want{{"中文", "1", 1, 1, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseProperties("app.properties", []byte(tt.src))
			if err != nil {
				t.Fatalf("ParseProperties: %v", err)
			}
			if got, exp := flat(f), render(0, tt.want...); got != exp {
				t.Errorf("entries:\n%s\nwant:\n%s", got, exp)
			}
			for _, d := range f.Docs {
				for _, e := range d.Entries {
					if e.Pos.File != "app.properties" {
						t.Errorf("entry %q has file %q", e.Key, e.Pos.File)
					}
				}
			}
		})
	}
}

func TestParsePropertiesLatin1(t *testing.T) {
	// "Zeitüberschreitung" and "café" in ISO-8859-1: ü=0xFC, é=0xE9. Not valid
	// UTF-8, so the file is decoded as Latin-1 like Properties.load does.
	src := []byte("# Einstellungen f\xFCr den Server\nmessage=Zeit\xFCberschreitung\ncaf\xE9.enabled=true\n")
	f, err := ParseProperties("messages.properties", src)
	if err != nil {
		t.Fatal(err)
	}
	exp := render(0, want{"message", "Zeitüberschreitung", 2, 1, false}, want{"café.enabled", "true", 3, 1, false})
	if got := flat(f); got != exp {
		t.Errorf("entries:\n%s\nwant:\n%s", got, exp)
	}
}

func TestParsePropertiesDocuments(t *testing.T) {
	src := `spring.application.name=powerjob-server
oms.auth.openapi.enable=false
#---
spring.config.activate.on-profile=prod
oms.auth.openapi.enable=true
!---
spring.profiles=daily
#---
#---   
`
	f, err := ParseProperties("application.properties", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Docs) != 3 {
		t.Fatalf("got %d documents, want 3 (empty ones dropped):\n%s", len(f.Docs), flat(f))
	}
	tests := []struct {
		onProfile string
		line      int
		entries   int
	}{{"", 0, 2}, {"prod", 4, 2}, {"daily", 7, 1}}
	for i, tt := range tests {
		d := f.Docs[i]
		if d.OnProfile != tt.onProfile || d.OnProfilePos.Line != tt.line || len(d.Entries) != tt.entries {
			t.Errorf("doc %d: OnProfile=%q at line %d with %d entries, want %q at %d with %d",
				i, d.OnProfile, d.OnProfilePos.Line, len(d.Entries), tt.onProfile, tt.line, tt.entries)
		}
	}
	// "#----" or an indented "  #---" is an ordinary comment.
	f, err = ParseProperties("a.properties", []byte("a=1\n#----\n  #---\nb=2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Docs) != 1 || len(f.Docs[0].Entries) != 2 {
		t.Errorf("look-alike separators split the file:\n%s", flat(f))
	}
}

func TestParsePropertiesErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"malformed unicode escape", "a=1\nname=ok\\u12G4\n", 2, 8, `malformed \uxxxx`},
		{"short unicode escape", "a=\\u12", 1, 3, "4 hex digits"},
		{"unicode escape on continuation line", "k=a\\\n    b\\uZZZZ\n", 2, 6, `malformed \uxxxx`},
		{"conflict ours", "a=1\n<<<<<<< HEAD\noms.auth.openapi.enable=true\n=======\noms.auth.openapi.enable=false\n>>>>>>> feature\n", 2, 1, "merge-conflict"},
		{"conflict separator alone", "a=1\n=======\n", 2, 1, "merge-conflict"},
		{"conflict theirs only", "a=1\n>>>>>>> 1a2b3c\n", 2, 1, "merge-conflict"},
		{"NUL byte", "a=1\nb=\x00\n", 2, 3, "NUL"},
		{"binary control byte", "\x01\x02\x03", 1, 1, "control byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProperties("app.properties", []byte(tt.src))
			wantSourceError(t, err, "app.properties", tt.line, tt.col, tt.msg)
		})
	}
	// A row of '=' inside a value, or longer than a marker, is not a conflict.
	if _, err := ParseProperties("a.properties", []byte("banner========\n========\n")); err != nil {
		t.Errorf("look-alike conflict marker: %v", err)
	}
}

// TestParsePropertiesFixture reads a PowerJob-server-shaped configuration
// tree (application.properties with profile files) as committed in real
// deployments.
func TestParsePropertiesFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "powerjob-server", "application-product.properties"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseProperties("application-product.properties", data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Entry{}
	for _, e := range f.Docs[0].Entries {
		got[e.Key] = e
	}
	checks := []want{
		{"oms.auth.openapi.enable", "false", 7, 1, false},
		{"spring.datasource.core.jdbc-url", "jdbc:mysql://remotehost:3306/powerjob-product?useUnicode=true&characterEncoding=UTF-8&serverTimezone=Asia/Shanghai", 10, 1, false},
		{"oms.alarm.ding.title", "PowerJob告警", 14, 1, false},
		{"spring.profiles.active", "@profiles.active@", 17, 1, true},
	}
	for _, w := range checks {
		e, ok := got[w.Key]
		if !ok {
			t.Errorf("missing key %q", w.Key)
			continue
		}
		if g := (want{e.Key, e.Value, e.Pos.Line, e.Pos.Col, e.Opaque}); g != w {
			t.Errorf("got %v, want %v", g, w)
		}
	}
}
