package mutation

import (
	"go/ast"
	"regexp"
	"strings"
)

// What an operation's documentation says a repeat does. Generated API
// clients copy the API's own description into each method's doc comment,
// and some creates say there that a second call finds the first one:
//
//	// CreateContext creates a context.
//	//
//	// If the specified context already exists, overrides the context.
//
// Such a create is an upsert, or is refused when repeated (ALREADY_EXISTS):
// a retry cannot make a second thing. The generated client's transports
// (its gRPC and REST methods of the same name, in the same file) often
// carry no comment of their own, so the documentation of one method
// covers the methods of that name in its file.

// repeatFinds matches a sentence saying what happens when the thing
// already exists: it is overridden, replaced or updated, or the call
// fails or returns it.
var repeatFinds = regexp.MustCompile(`(?i)already exists?\b[^.]*\b(overrid|overwrit|replac|updat|fail|error|reject|return|no-op|nothing)|\b(fail|error|reject)[^.]*\balready exists?\b|ALREADY_EXISTS`)

// docFindsExisting reports whether doc says a second call finds the thing
// the first made (and not that it makes another anyway).
func docFindsExisting(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	text := doc.Text()
	for _, sentence := range strings.Split(strings.ReplaceAll(text, "\n", " "), ". ") {
		if repeatFinds.MatchString(sentence) && !strings.Contains(strings.ToLower(sentence), "even if") {
			return true
		}
	}
	return false
}

// RepeatSafeDecls returns the function declarations of files whose
// documentation, or that of a method of the same name in the same file,
// says a repeat finds the thing already there.
func RepeatSafeDecls(files []*ast.File) map[*ast.FuncDecl]bool {
	out := map[*ast.FuncDecl]bool{}
	for _, f := range files {
		byName := map[string][]*ast.FuncDecl{}
		documented := map[string]bool{}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			key := fd.Name.Name
			if fd.Recv == nil {
				key = "func " + key // a function covers only itself
			}
			byName[key] = append(byName[key], fd)
			if docFindsExisting(fd.Doc) {
				documented[key] = true
			}
		}
		for key := range documented {
			for _, fd := range byName[key] {
				out[fd] = true
			}
		}
	}
	return out
}

// DocumentedRepeatSafe reports whether decl, a declaration of this
// package, is documented to find the thing a first call made
// (RepeatSafeDecls, computed once with the package's index).
func (c *Classifier) DocumentedRepeatSafe(decl *ast.FuncDecl) bool {
	return c.idx().repeatSafe[decl]
}
