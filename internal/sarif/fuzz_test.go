package sarif_test

import (
	"net/url"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/twice-lint/twice/internal/sarif"
)

// FuzzColumn checks the byte-to-UTF-16 column conversion on arbitrary lines
// (including invalid UTF-8): it never panics, stays within the line, and
// agrees with the standard library's UTF-16 encoding on valid text.
func FuzzColumn(f *testing.F) {
	f.Add("\tresp, err := http.Post(url, \"application/json\", body)", 15)
	f.Add(`s := "😀"; f()`, 14)
	f.Add("服务", 4)
	f.Add("\xff\xfe broken", 3)
	f.Add("", 1)
	f.Fuzz(func(t *testing.T, line string, byteCol int) {
		got := sarif.Column(line, byteCol)
		if byteCol < 1 {
			if got != 0 {
				t.Fatalf("Column(%q, %d) = %d, want 0", line, byteCol, got)
			}
			return
		}
		if got < 1 || got > len(line)+1 {
			t.Fatalf("Column(%q, %d) = %d, outside 1..%d", line, byteCol, got, len(line)+1)
		}
		end := min(byteCol-1, len(line))
		if prefix := line[:end]; utf8.ValidString(prefix) {
			if want := len(utf16.Encode([]rune(prefix))) + 1; got != want {
				t.Fatalf("Column(%q, %d) = %d, want %d", line, byteCol, got, want)
			}
		}
	})
}

// FuzzURI checks that every file path becomes a parseable URI reference.
func FuzzURI(f *testing.F) {
	f.Add("/home/dev/shop/internal/x.go", "/home/dev/shop")
	f.Add("/home/dev/shop/dir with space/%x#y?.go", "/home/dev/shop")
	f.Add("/elsewhere/a:b.go", "/home/dev/shop")
	f.Add("relative/x.go", "")
	f.Fuzz(func(t *testing.T, path, base string) {
		u := sarif.URI(path, base)
		if _, err := url.Parse(u); err != nil {
			t.Fatalf("URI(%q, %q) = %q: not a URI reference: %v", path, base, u, err)
		}
	})
}
