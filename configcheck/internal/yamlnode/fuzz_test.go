package yamlnode

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzDecodeAll feeds arbitrary bytes to DecodeAll: it never panics, and it
// returns either documents or an error, never both.
func FuzzDecodeAll(f *testing.F) {
	f.Add([]byte("oms:\n  auth:\n    openapi:\n      enable: false\n"))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"))
	f.Add([]byte("base: &base {x: 1}\nm:\n  <<: [*base]\n  y: 2\n"))
	f.Add([]byte("a: 1\n---\nb: [\n"))
	f.Add([]byte("[[[[[[[[[[[[[[[[[[[[[[[[[[[["))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := DecodeAll(data)
		if err != nil && docs != nil {
			t.Fatalf("documents and error %v", err)
		}
		for _, d := range docs {
			if d.Kind != yaml.DocumentNode {
				t.Fatalf("kind %v, want DocumentNode", d.Kind)
			}
			for _, n := range d.Content {
				IsMergeKey(n)
			}
		}
	})
}
