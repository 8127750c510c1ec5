package lsp

import (
	"reflect"
	"sort"
	"sync"
)

// diagStore holds the diagnostics of every producer (the config check of
// each workspace folder, the Go runs) by file, and publishes a file's
// union whenever a producer changes it. A file a producer no longer
// reports on is published with an empty list, which clears it in the
// editor.
type diagStore struct {
	s         *Server
	pubMu     sync.Mutex // one replace at a time, so publications keep their order
	mu        sync.Mutex
	byProd    map[string]map[string][]diagnostic // producer -> path -> diagnostics
	published map[string][]diagnostic            // path -> last published union
}

func newDiagStore(s *Server) *diagStore {
	return &diagStore{s: s, byProd: map[string]map[string][]diagnostic{}, published: map[string][]diagnostic{}}
}

// replace sets producer's diagnostics for the files in scope (nil scope:
// every file the producer reported before or reports now) and publishes
// the files whose union changed, plus the files in force (the documents
// whose change triggered the run: the editor waits for an answer).
func (d *diagStore) replace(producer string, diags map[string][]diagnostic, scope []string, force []string) {
	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	d.mu.Lock()
	old := d.byProd[producer]
	next := map[string][]diagnostic{}
	touched := map[string]bool{}
	if scope == nil {
		for p := range old {
			touched[p] = true
		}
	} else {
		for p, ds := range old {
			next[p] = ds // outside the scope: kept
		}
		for _, p := range scope {
			touched[p] = true
			delete(next, p)
		}
	}
	for p, ds := range diags {
		touched[p] = true
		if len(ds) > 0 {
			next[p] = ds
		}
	}
	d.byProd[producer] = next
	forced := map[string]bool{}
	for _, p := range force {
		forced[p] = true
		touched[p] = true
	}
	type pub struct {
		path  string
		diags []diagnostic
	}
	var out []pub
	for p := range touched {
		union := d.union(p)
		if !forced[p] && reflect.DeepEqual(union, d.published[p]) {
			continue
		}
		if len(union) == 0 {
			delete(d.published, p)
		} else {
			d.published[p] = union
		}
		out = append(out, pub{p, union})
	}
	d.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	for _, p := range out {
		ds := p.diags
		if ds == nil {
			ds = []diagnostic{}
		}
		d.s.notifyClient("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.s.docs.uriOf(p.path), Diagnostics: ds})
	}
}

// union is every producer's diagnostics for path, in a stable order.
func (d *diagStore) union(path string) []diagnostic {
	var prods []string
	for prod := range d.byProd {
		prods = append(prods, prod)
	}
	sort.Strings(prods)
	var out []diagnostic
	for _, prod := range prods {
		out = append(out, d.byProd[prod][path]...)
	}
	return out
}

// at returns the published diagnostics of path (for code actions).
func (d *diagStore) at(path string) []diagnostic {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.union(path)
}
