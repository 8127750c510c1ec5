package unsaferetry

import (
	"go/token"
	"strconv"
	"strings"
)

// fileIndex maps "file:line:col" positions, as facts store them, back to
// token.Pos in the pass's file set. The file set holds a dependency's files
// only when the driver loaded it from source; positions in other files map
// to token.NoPos. The index is built on first use, once per pass.
type fileIndex struct {
	fset  *token.FileSet
	files map[string]*token.File
}

// pos returns the token.Pos of posn, or token.NoPos when it is malformed or
// its file is not in the file set.
func (x *fileIndex) pos(posn string) token.Pos {
	name, line, col, ok := splitPosn(posn)
	if !ok || x.fset == nil {
		return token.NoPos
	}
	if x.files == nil {
		x.files = map[string]*token.File{}
		x.fset.Iterate(func(f *token.File) bool {
			x.files[f.Name()] = f
			return true
		})
	}
	f := x.files[name]
	if f == nil || line > f.LineCount() {
		return token.NoPos
	}
	off := f.Offset(f.LineStart(line)) + col - 1
	if off > f.Size() {
		return token.NoPos
	}
	return f.Pos(off)
}

// splitPosn splits "file:line:col" (the file name may itself hold colons).
func splitPosn(posn string) (name string, line, col int, ok bool) {
	k := strings.LastIndexByte(posn, ':')
	if k < 0 {
		return "", 0, 0, false
	}
	j := strings.LastIndexByte(posn[:k], ':')
	if j <= 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(posn[j+1 : k])
	col, err2 := strconv.Atoi(posn[k+1:])
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		return "", 0, 0, false
	}
	return posn[:j], line, col, true
}
