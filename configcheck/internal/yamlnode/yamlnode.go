// Package yamlnode holds what the two YAML readers of the config checker —
// springconf (Spring property files) and deploy (compose files, Kubernetes
// manifests) — must do identically with yaml.v3 node trees: decode every
// document of a stream without letting a library panic escape, and
// recognise the merge key `<<`.
//
// The walks over the trees stay with their readers, because their contracts
// differ: springconf flattens a whole file and fails it on the first bound it
// exceeds (a partly flattened property file could give a wrong effective
// value), while deploy looks up a few keys lazily and, on an alias bomb,
// records one error and keeps the containers it has already found.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// DecodeAll decodes every document of a YAML stream into a node tree (one
// DocumentNode per document; an empty stream gives none). Malformed input is
// the library's error ("yaml: line N: …"). A panic inside the library on
// hostile input becomes an error too, so that one file cannot crash a scan.
// Aliases are not expanded: yaml.v3 keeps them as pointers, and the callers'
// walks bound their expansion.
func DecodeAll(data []byte) (docs []*yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			docs, err = nil, fmt.Errorf("yaml: internal parser failure: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, &doc)
	}
}

// IsMergeKey reports whether k is the YAML merge key: a plain `<<`, which
// yaml.v3 tags !!merge, or any key tagged !!merge explicitly. A quoted "<<"
// is an ordinary string key.
func IsMergeKey(k *yaml.Node) bool {
	return k != nil && k.Kind == yaml.ScalarNode && (k.ShortTag() == "!!merge" || (k.Value == "<<" && k.Style == 0))
}
