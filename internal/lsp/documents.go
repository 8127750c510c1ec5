package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// documents are the buffers the editor has open, by absolute file path.
// Their contents replace the files on disk for the config check.
type documents struct {
	mu   sync.Mutex
	docs map[string]*document
}

type document struct {
	uri     string // as the client spelled it, used when publishing
	version int
	text    []byte
}

func newDocuments() *documents { return &documents{docs: map[string]*document{}} }

func (d *documents) open(path, uri string, version int, text string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.docs[path] = &document{uri: uri, version: version, text: []byte(text)}
}

// change applies content changes in order: a change without a range
// replaces the document, one with a range replaces that range.
func (d *documents) change(path string, version int, changes []contentChange) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc := d.docs[path]
	if doc == nil {
		return fmt.Errorf("change to %s, which is not open", path)
	}
	text := doc.text
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		start, end := offsetOf(text, c.Range.Start), offsetOf(text, c.Range.End)
		if end < start {
			return fmt.Errorf("change to %s: range end before start", path)
		}
		next := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		next = append(append(append(next, text[:start]...), c.Text...), text[end:]...)
		text = next
	}
	doc.text, doc.version = text, version
	return nil
}

func (d *documents) close(path string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.docs, path)
}

// text returns an open document's contents.
func (d *documents) text(path string) ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if doc := d.docs[path]; doc != nil {
		return doc.text, true
	}
	return nil, false
}

// uriOf returns the URI the client uses for path, or a file URI.
func (d *documents) uriOf(path string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if doc := d.docs[path]; doc != nil {
		return doc.uri
	}
	return pathToURI(path)
}

// overlay returns the open documents' contents by path (the slices are
// never modified in place, so sharing them is safe).
func (d *documents) overlay(keep func(path string) bool) map[string][]byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := map[string][]byte{}
	for p, doc := range d.docs {
		if keep(p) {
			out[p] = doc.text
		}
	}
	return out
}

// paths lists the open documents that keep accepts.
func (d *documents) paths(keep func(path string) bool) []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for p := range d.docs {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// uriToPath converts a file URI into a clean absolute path.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("bad document URI %q: %w", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("unsupported URI scheme %q in %q (only file: URIs)", u.Scheme, uri)
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/") // file:///C:/x
	}
	if p == "" || !filepath.IsAbs(filepath.FromSlash(p)) {
		return "", fmt.Errorf("document URI %q has no absolute path", uri)
	}
	return filepath.Clean(filepath.FromSlash(p)), nil
}

func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
