package astpath

import (
	"go/token"
	"strings"
)

// InTestFile reports whether pos lies in a _test.go file: a test's calls
// talk to test servers, and its settings are not what the package ships.
// The file is the one the source was read from (line directives aside).
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	tf := fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}
