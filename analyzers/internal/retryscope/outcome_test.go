package retryscope

import "testing"

// TestAmbiguousText checks the texts and codes that keep a condition out
// of the application-error class: those about an outcome that can follow
// an executed write.
func TestAmbiguousText(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"store: stale version", false},
		{"duplicate key value violates unique constraint", false},
		{"urn:ietf:params:acme:error:accountDoesNotExist", false},
		{"SQLITE_BUSY", false},
		{"40001", false}, // serialization failure: aborted before commit
		{"23505", false}, // unique violation
		{"i/o timeout", true},
		{"context deadline exceeded", true},
		{"unexpected EOF", true},
		{"connection reset by peer", true},
		{"write: broken pipe", true},
		{"store: connection closed by peer", true},
		{"503 Service Unavailable", true},
		{"internal server error", true},
		{"08006", true}, // connection failure
		{"57P01", true}, // admin shutdown
		{"temporary failure, retry later", true},
	}
	r := &refusals{}
	for _, tt := range tests {
		if got := r.ambiguousText(tt.text); got != tt.want {
			t.Errorf("ambiguousText(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestIsStdPath: the standard library's packages, not a module's package
// whose path has no dot (GOPATH-style trees, fixtures).
func TestIsStdPath(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"io", true},
		{"net/http", true},
		{"database/sql/driver", true},
		{"vendor/golang.org/x/net/http2", false},
		{"github.com/acme/store", false},
		{"billing/store", false},
		{"example.com/io", false},
	}
	for _, tt := range tests {
		if got := isStdPath(tt.path); got != tt.want {
			t.Errorf("isStdPath(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
