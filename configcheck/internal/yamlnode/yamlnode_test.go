package yamlnode

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestDecodeAll(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		docs    int
		wantErr string // substring; "" means no error
	}{
		{"empty stream", "", 0, ""},
		{"comment only", "# nothing here\n", 0, ""},
		{"one document", "services:\n  pj:\n    image: powerjob/powerjob-server:5.1.0\n", 1, ""},
		{"three documents, one empty", "a: 1\n---\n---\nb: 2\n", 3, ""},
		{"aliases kept as pointers", "x: &cfg {oms: {auth: {openapi: {enable: false}}}}\ny: *cfg\n", 1, ""},
		{"bad indentation", "oms:\n  auth:\n   enable: false\n  x\n", 0, "yaml: line"},
		{"unknown anchor", "a: *missing\n", 0, "unknown anchor"},
		{"error in a later document drops all", "a: 1\n---\nb: [\n", 0, "yaml:"},
		{"tab indentation", "a:\n\tb: 1\n", 0, "yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := DecodeAll([]byte(tt.data))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if docs != nil {
					t.Errorf("got %d documents with an error, want none", len(docs))
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if len(docs) != tt.docs {
				t.Fatalf("%d documents, want %d", len(docs), tt.docs)
			}
			for i, d := range docs {
				if d.Kind != yaml.DocumentNode {
					t.Errorf("document %d has kind %v, want DocumentNode", i, d.Kind)
				}
			}
		})
	}
}

func TestIsMergeKey(t *testing.T) {
	tests := []struct {
		name string
		yaml string // a mapping whose first key is tested
		want bool
	}{
		{"plain <<", "<<: *base\n", true},
		{"tagged !!merge", "!!merge <<: *base\n", true},
		{"double-quoted <<", "\"<<\": x\n", false},
		{"single-quoted <<", "'<<': x\n", false},
		{"ordinary key", "merge: x\n", false},
		{"key starting with <<", "<<x: 1\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := DecodeAll([]byte("base: &base {a: 1}\nm:\n  " + strings.ReplaceAll(tt.yaml, "\n", "\n  ")))
			if err != nil {
				t.Fatal(err)
			}
			m := docs[0].Content[0].Content[3] // the mapping under m
			if got := IsMergeKey(m.Content[0]); got != tt.want {
				t.Errorf("IsMergeKey(%q) = %v, want %v", m.Content[0].Value, got, tt.want)
			}
		})
	}
	if IsMergeKey(nil) {
		t.Error("IsMergeKey(nil) = true")
	}
	if IsMergeKey(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!merge"}) {
		t.Error("a mapping node is not a merge key")
	}
}
