package mutation

import "testing"

func TestSplitPlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want string // urlPath of the pieces
	}{
		{"/stores/{store_id}/check", "/stores/{…}/check"},
		{"/stores/{store_id}", "/stores/{…}"},
		{"/a/{x}/{y}/b", "/a/{…}/{…}/b"},
		{"/plain/path", "/plain/path"},
		{"/open/{brace", "/open/{brace"},
	}
	for _, tt := range tests {
		if got := urlPath(splitPlaceholders(tt.in)); got != tt.want {
			t.Errorf("urlPath(splitPlaceholders(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
