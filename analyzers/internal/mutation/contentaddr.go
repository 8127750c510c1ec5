package mutation

import (
	"go/ast"
)

// Content-addressed writes. A blob store that files what it is given
// under the digest of its content (a remote-execution CAS, an OCI
// registry's blobs, a git object store) stores the same bytes under the
// same name however often they are sent:
//
//	req.ResourceName = fmt.Sprintf("%suploads/%s/blobs/%s/%d", instance, uuid.New(), digest.Hash, digest.SizeBytes)
//	stream.Send(req) // a retry writes the same blob again
//
// The evidence is a field of the request that names where the write goes
// (a name, key, path, URL or resource) whose value is built from a
// digest or hash of the content.

// addressWords in a field's name say it names where the write goes.
var addressWords = map[string]bool{"name": true, "key": true, "path": true, "resource": true, "url": true, "uri": true}

// digestWords in an operand's name say it is a digest of content.
var digestWords = map[string]bool{"digest": true, "hash": true, "sha256": true, "sha1": true, "sha512": true, "checksum": true}

// contentAddress reports whether a request field named field, given
// value, files the write under a content digest.
func (c *Classifier) contentAddress(field string, value ast.Expr) bool {
	if !anyWord(nameWords(field), addressWords) {
		return false
	}
	return c.mentionsDigest(value, 0)
}

// mentionsDigest reports whether e reads an identifier or field named for
// a digest (digest.Hash, blobSHA256), following a local variable to its
// one value.
func (c *Classifier) mentionsDigest(e ast.Expr, depth int) bool {
	if e == nil || depth > 2 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		if anyWord(nameWords(id.Name), digestWords) {
			found = true
		} else if rhs := c.singleValue(id); rhs != nil {
			found = c.mentionsDigest(rhs, depth+1)
		}
		return !found
	})
	return found
}

// placementEvidence records a request field that fixes where the write
// lands — under its content's digest, or at an offset — and reports
// whether it was one.
func (c *Classifier) placementEvidence(ev *Evidence, field string, value ast.Expr) bool {
	switch {
	case c.contentAddress(field, value):
		ev.ContentAddressed = true
	case offsetField(field):
		ev.Positioned = true
	default:
		return false
	}
	return true
}

// offsetField reports whether a request field places the write at an
// offset of its target (ByteStream's WriteOffset, an append position): a
// repeat writes the same bytes at the same place, as a Content-Range
// header does.
func offsetField(field string) bool {
	words := nameWords(field)
	return len(words) > 0 && words[len(words)-1] == "offset"
}

func anyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}
