package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Names that restate a request's method and path. Some generators name
// every operation after its HTTP method and its path rather than after
// what it does: Cisco's Meraki SDK calls
// POST /devices/{serial}/liveTools/leds/blink CreateDeviceLiveToolsLedsBlink
// (others PostDevicesLiveToolsLedsBlink). The leading Create or Post then
// comes from the method, not from the API's author, so it is no evidence
// that the call makes something. The API's own words remain: the
// summary such generators copy into the doc comment ("Rollback a
// firmware upgrade", "Swap the devices …") names the operation as its
// authors did, and one that starts with an action is read as one.
// Otherwise the path is the witness, and an action at its end (blink,
// swap, prepare) is read as an action.

// minRestatedSegments is how many of a path's literal segments a name
// must spell out to be read as generated from it.
const minRestatedSegments = 3

// methodVerbs are the verbs generators derive from POST.
var methodVerbs = map[string]bool{"create": true, "post": true}

// nameRestatesPath reports whether an operation's name is a POST verb
// followed by words of the path's literal segments, in order, reaching
// its last literal segment and drawn from at least three of them. Authors
// name an operation after its object (CreateVolumeSnapshot for
// POST /volumes/{id}/snapshot, two segments); spelling out three or more
// segments is a generator's habit.
func nameRestatesPath(name, path string) bool {
	words := nameWords(name)
	if len(words) < 3 || !methodVerbs[words[0]] || !strings.HasPrefix(path, "/") {
		return false
	}
	pathWords, segOf, lastSeg := literalPathWords(path)
	if lastSeg < 0 {
		return false
	}
	j := 0
	segs := map[int]bool{}
	last := -1
	for _, w := range words[1:] {
		for j < len(pathWords) && singular(pathWords[j]) != singular(w) {
			j++
		}
		if j == len(pathWords) {
			return false // a word the path does not have: the name says more than the path
		}
		segs[segOf[j]] = true
		last = segOf[j]
		j++
	}
	return len(segs) >= minRestatedSegments && last == lastSeg
}

// literalPathWords returns the lower-case words of a path's literal
// segments (not its {…} parameters), the index of the segment each word
// comes from, and the index of the last literal segment (-1 if none).
func literalPathWords(path string) (words []string, segOf []int, lastSeg int) {
	lastSeg = -1
	for i, seg := range pathSegments(path) {
		if seg == "" || strings.Contains(seg, "{") {
			continue
		}
		for _, w := range nameWords(odataFunction(seg)) {
			words = append(words, w)
			segOf = append(segOf, i)
		}
		lastSeg = i
	}
	return words, segOf, lastSeg
}

// summaryAction returns the action verb that starts the documented
// summary of fn, a function of this package ("rollback" for
// "CreateNetworkFirmwareUpgradesRollback Rollback a Firmware Upgrade",
// "commit" for "Commits the import operation"), or "". A summary
// starting with a create or send verb, or with none, says nothing more
// than the path.
func (c *Classifier) summaryAction(fn *types.Func) string {
	decl := c.declOf(fn)
	if decl == nil {
		return ""
	}
	doc := decl.Doc
	if doc == nil {
		doc = c.detachedDoc(decl)
	}
	if doc == nil {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimSpace(doc.Text()), "\n")
	words := strings.Fields(first)
	if len(words) > 0 && words[0] == fn.Name() {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	w := strings.ToLower(strings.Trim(words[0], ".,:;"))
	for _, v := range []string{w, strings.TrimSuffix(w, "s")} {
		if isAction(v) && !createVerbs[v] && !sendVerbs[v] {
			return v
		}
	}
	return ""
}

// detachedDoc returns the comment that ends on the line before decl's
// blank line: generators that write "*/", an empty line, then "func"
// leave go/ast no doc comment to attach.
func (c *Classifier) detachedDoc(decl *ast.FuncDecl) *ast.CommentGroup {
	f := c.fileOf(decl.Pos())
	if f == nil {
		return nil
	}
	var last *ast.CommentGroup
	for _, cg := range f.Comments {
		if cg.End() >= decl.Pos() {
			break
		}
		last = cg
	}
	fset := c.pass.Fset
	if last != nil && fset.Position(last.End()).Line == fset.Position(decl.Pos()).Line-2 && !insideDecl(fset, f, last) {
		return last
	}
	return nil
}

// insideDecl reports whether a comment is part of a declaration: written
// within it, or after its end on the same line.
func insideDecl(fset *token.FileSet, f *ast.File, cg *ast.CommentGroup) bool {
	start := fset.Position(cg.Pos()).Line
	for _, d := range f.Decls {
		if d.Pos() < cg.Pos() && (cg.Pos() < d.End() || fset.Position(d.End()).Line == start) {
			return true
		}
	}
	return false
}
