package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// Creates whose typed body names the created thing. An SDK's request
// function posts the request its caller filled in:
//
//	func CallCreateFolder(hc *resty.Client, request CreateFolderRequest) (…) {
//		res, err := hc.R().SetBody(request).Post("/v1/folders")
//
// Folders, keys, projects, environments and most named resources are
// unique by their name within their parent: a repeat is refused ("already
// exists", 409) or answered with the existing one. The body's type says so
// when one of its fields is a name of the created noun (Name, FolderName,
// Slug, or a batch of named things), the noun read from the path's nearest
// collection segment (/v1/folders → folder, /v3/secrets/batch/raw →
// secret). Ids are not names here: an id the client puts into a payload is judged
// as a key where keys are (payloadkey.go). Records and entries, filed
// many under one name, keep their finding (sharedNameNouns).

// nameWordsOfIdentity end the names of fields that name a created thing.
var nameWordsOfIdentity = map[string]bool{"name": true, "slug": true}

// namedBodyCreate reports whether a resty POST to path sends a body whose
// struct type names the created thing.
func (c *Classifier) namedBodyCreate(call *ast.CallExpr, path string) bool {
	noun := collectionNoun(path)
	if noun == "" || sharedNameNouns[noun] {
		return false
	}
	body := c.restyBody(call)
	if body == nil {
		return false
	}
	st, ok := derefStruct(c.info.TypeOf(body))
	if !ok {
		return false
	}
	return structNamesThing(st, noun, 0)
}

// structNamesThing reports whether a struct has a field naming the noun,
// or (one level down) a slice field of the things themselves, each named
// (a batch create: Secrets []BatchSecret with a SecretKey each).
func structNamesThing(st *types.Struct, noun string, depth int) bool {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if scalar(deref(f.Type())) && namesThing(f.Name(), noun) {
			return true
		}
		sl, ok := types.Unalias(f.Type()).Underlying().(*types.Slice)
		if !ok || depth > 0 || !namesCreated(f.Name(), sl.Elem(), []string{noun}) {
			continue
		}
		if elem, ok := derefStruct(sl.Elem()); ok && structNamesThing(elem, noun, depth+1) {
			return true
		}
	}
	return false
}

// pathNoun is the singular of a path's last segment when it is a plain
// collection name (/v1/folders → folder), or "".
func pathNoun(path string) string {
	_, last := splitLastSegment(path)
	last = strings.ToLower(last)
	if last == "" || strings.ContainsAny(last, "{:._") {
		return ""
	}
	if i := strings.LastIndexByte(last, '-'); i >= 0 {
		last = last[i+1:] // ssh-keys → keys
	}
	switch {
	case strings.HasSuffix(last, "ies"):
		return strings.TrimSuffix(last, "ies") + "y"
	case strings.HasSuffix(last, "sses"), strings.HasSuffix(last, "xes"):
		return last[:len(last)-2]
	case strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss"):
		return strings.TrimSuffix(last, "s")
	}
	return "" // not a collection (/v1/login, /v1/issue)
}

// namesThing reports whether a field name is a name of the noun: a bare
// Name or Slug, or one after the noun's word (FolderName for folder,
// SecretKey for secret: a key is a name only after the noun).
func namesThing(field, noun string) bool {
	words := nameWords(field)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if !nameWordsOfIdentity[last] && !(last == "key" && len(words) > 1) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if w != noun {
			return false // ProjectName for a folder: the parent's name
		}
	}
	return true
}

// restyBody returns the argument of the SetBody setter in the resty chain
// that ends in call, following the request variable the chain starts from
// when it has one assignment (req := c.R().SetBody(b); req.Post(url)).
func (c *Classifier) restyBody(call *ast.CallExpr) ast.Expr {
	x := ast.Expr(call)
	for i := 0; i < maxChain; i++ {
		cur, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			v := c.varOf(x)
			if v == nil {
				return nil
			}
			a, ok := c.single(v)
			if !ok || a.rhs == nil {
				return nil
			}
			x = a.rhs
			continue
		}
		sel, ok := ast.Unparen(cur.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if sel.Sel.Name == "SetBody" && len(cur.Args) == 1 {
			return cur.Args[0]
		}
		x = sel.X
	}
	return nil
}

// namedPathCreate reports whether a POST's path ends in a name or key the
// caller chose for the created thing (POST /v3/secrets/raw/{SecretKey},
// POST /buckets/{bucketName}): a request addressed to one named member
// creates it once and is refused, or updates it, on a repeat. The name
// comes from the summarised function's parameter or its field.
func (c *Classifier) namedPathCreate(ps []piece, path string) bool {
	if len(ps) < 2 || !strings.HasSuffix(strings.TrimRight(path, "/"), "{…}") {
		return false
	}
	last := ps[len(ps)-1]
	if last.known && strings.Trim(last.s, "/") == "" && len(ps) > 2 {
		last = ps[len(ps)-2] // a trailing slash
	}
	if last.known {
		return false
	}
	name := last.field
	if name == "" && last.param >= 0 {
		name = c.sumParamName(last.param)
	}
	noun := collectionNoun(strings.TrimSuffix(strings.TrimRight(path, "/"), "{…}"))
	return name != "" && noun != "" && !sharedNameNouns[noun] && !sinkNouns[noun] && identityName(name, []string{noun})
}

// sinkNouns are things a POST to one of them appends to: a Kafka REST
// proxy's POST /topics/{topic} produces messages, a POST to a queue or a
// stream enqueues.
var sinkNouns = map[string]bool{"topic": true, "queue": true, "stream": true, "channel": true, "exchange": true, "log": true, "inbox": true}

// collectionNoun is the noun of the nearest plural segment of a path
// (/v3/secrets/raw/ → secret).
func collectionNoun(path string) string {
	for path != "" {
		parent, last := splitLastSegment(path)
		if n := pathNoun("/" + last); n != "" {
			return n
		}
		path = parent
	}
	return ""
}

// sumParamName is the name of parameter i of the function being
// summarised, or "".
func (c *Classifier) sumParamName(i int) string {
	if c.sum == nil {
		return ""
	}
	for v, j := range c.sum.params {
		if j == i {
			return v.Name()
		}
	}
	return ""
}
