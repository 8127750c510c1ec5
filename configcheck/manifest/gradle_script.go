package manifest

import (
	"bytes"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// gradleScript is what the scanner keeps from one build.gradle(.kts): the
// variables it defines (local vals/defs and ext/extra properties alike) and
// the dependency declarations of its dependencies { } blocks, both as
// unevaluated token sequences, evaluated later against the whole project.
type gradleScript struct {
	path, dir string
	kotlin    bool
	vars      map[string]gradleVar
	decls     []gradleDecl
	// constraints are the statements of dependencies { constraints { } }:
	// they do not add dependencies but fix the versions of those declared
	// without one.
	constraints []gradleDecl
}

// gradleVar is one variable definition: its expression and where it is.
type gradleVar struct {
	expr []gtok
	pos  source.Pos
}

// gradleDecl is one statement inside a dependencies { } block.
type gradleDecl struct {
	config string     // implementation, api, testImplementation, classpath, …
	args   []gtok     // the notation, outer parentheses removed
	pos    source.Pos // the statement's first token
}

// gradleStmt is one statement: its tokens and the blocks that enclose it.
type gradleStmt struct {
	toks   []gtok
	blocks *blockFrame // innermost; nil at top level
}

// blockFrame is one open block. Statements share the frames of their
// enclosing blocks (a linked stack), so a deeply nested script costs one
// frame per '{', not a copy of the whole stack per statement (2 MB of
// nested blocks used to take 5 GB).
type blockFrame struct {
	name   string
	parent *blockFrame
	depth  int // number of frames including this one
}

// maxBlockDepth bounds the block stack; deeper braces are still balanced
// but not named.
const maxBlockDepth = 256

func parseGradleScript(file string, data []byte) (*gradleScript, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	// A byte-order mark would otherwise glue itself to the first token and
	// hide a statement written on line 1.
	data = bytes.TrimPrefix(data, utf8BOM)
	kotlin := strings.HasSuffix(file, ".kts")
	toks, li, err := lexGradle(file, data, kotlin)
	if err != nil {
		return nil, err
	}
	gs := &gradleScript{path: file, dir: dirOf(file), kotlin: kotlin, vars: map[string]gradleVar{}}
	for _, st := range splitStatements(toks) {
		gs.defineVars(st, li)
		gs.addDecl(st, li)
	}
	return gs, nil
}

// splitStatements cuts the token stream into statements. A statement ends at
// a newline outside parentheses/brackets (unless the line ends in an
// operator or the next line starts with '.', as in a method chain), at ';',
// and at braces; '{' names the block by the statement before it.
func splitStatements(toks []gtok) []gradleStmt {
	var out []gradleStmt
	var blocks *blockFrame
	depth := 0 // unnamed blocks beyond maxBlockDepth
	var cur []gtok
	var lineStmt []gtok // the statement a newline just ended: `dependencies⏎{` opens its block
	nest := 0           // parentheses and brackets
	emit := func() {
		if len(cur) > 0 {
			out = append(out, gradleStmt{toks: cur, blocks: blocks})
		}
		cur, lineStmt = nil, nil
	}
	for i, t := range toks {
		switch {
		case t.kind == gNewline:
			if nest > 0 || continuesLine(cur, toks[i+1:]) {
				continue
			}
			if len(cur) > 0 { // blank lines keep the previous line's statement
				ended := cur
				emit()
				lineStmt = ended
			}
		case t.is(gPunct, "(") || t.is(gPunct, "["):
			nest++
			cur = append(cur, t)
		case t.is(gPunct, ")") || t.is(gPunct, "]"):
			if nest > 0 {
				nest--
			}
			cur = append(cur, t)
		case t.is(gPunct, ";"):
			emit()
		case t.is(gPunct, "{") && nest == 0:
			name := blockName(cur)
			if len(cur) == 0 {
				name = blockName(lineStmt)
			}
			emit()
			if blocks.len() < maxBlockDepth {
				blocks = &blockFrame{name: name, parent: blocks, depth: blocks.len() + 1}
			} else {
				depth++
			}
		case t.is(gPunct, "}") && nest == 0:
			emit()
			if depth > 0 {
				depth--
			} else if blocks != nil {
				blocks = blocks.parent
			}
		default:
			cur = append(cur, t)
		}
	}
	emit()
	return out
}

// continuesLine reports whether a newline inside a statement does not end it:
// the line ends with an operator or comma, or the next line starts with '.',
// '?.' or an operator.
func continuesLine(cur, rest []gtok) bool {
	if len(cur) == 0 {
		return false
	}
	if last := cur[len(cur)-1]; last.kind == gPunct && strings.Contains(",=+-.:?|&", last.text) {
		return true
	}
	for _, t := range rest {
		if t.kind == gNewline {
			continue
		}
		return t.kind == gPunct && (t.text == "." || t.text == "?")
	}
	return false
}

// blockName names a block by the statement that opens it: "dependencies"
// for `dependencies {`, "ext" for `ext {`, "implementation" for
// `implementation("g:a:v") {` (a closure that configures a dependency).
func blockName(stmt []gtok) string {
	for _, t := range stmt {
		if t.kind == gIdent {
			return t.text
		}
	}
	return ""
}

func (f *blockFrame) len() int {
	if f == nil {
		return 0
	}
	return f.depth
}

func (st gradleStmt) inner() string {
	if st.blocks == nil {
		return ""
	}
	return st.blocks.name
}

// outer is the name of the block enclosing the innermost one, "" if none.
func (st gradleStmt) outer() string {
	if st.blocks == nil || st.blocks.parent == nil {
		return ""
	}
	return st.blocks.parent.name
}

// nonDependencyWords are statements inside dependencies { } that are not
// configuration names.
var nonDependencyWords = map[string]bool{
	"constraints": true, "components": true, "modules": true, "if": true, "else": true,
	"for": true, "val": true, "var": true, "def": true, "return": true, "when": true,
	"attributesSchema": true, "registerTransform": true, "artifactTypes": true,
}

// addDecl records a statement of a dependencies { } (or constraints { })
// block:
// `conf notation`, `conf(notation)`, `add("conf", notation)`.
func (gs *gradleScript) addDecl(st gradleStmt, li *lineIndex) {
	target := &gs.decls
	if st.inner() == "constraints" && st.outer() == "dependencies" {
		target = &gs.constraints
	} else if st.inner() != "dependencies" {
		return
	}
	if len(st.toks) < 2 {
		return
	}
	// Kotlin DSL also accepts a quoted configuration: "implementation"(…).
	if st.toks[0].kind != gIdent && !(st.toks[0].kind == gString && !st.toks[0].interpolated() && st.toks[1].is(gPunct, "(")) {
		return
	}
	conf, args := st.toks[0].text, st.toks[1:]
	if nonDependencyWords[conf] {
		return
	}
	args = stripParens(args)
	if conf == "add" {
		list := splitTop(args, ",")
		if len(list) < 2 || len(list[0]) != 1 || list[0][0].kind != gString {
			return
		}
		conf, args = list[0][0].text, joinTop(list[1:])
	}
	*target = append(*target, gradleDecl{config: conf, args: args, pos: li.pos(st.toks[0].off)})
}

// defineVars records the variable definitions a statement makes:
//
//	def x = …  /  val x = …  /  var x: String = …  /  String x = …
//	ext.x = …  /  project.ext.x = …  /  ext["x"] = …  /  extra["x"] = …
//	ext.set("x", …)  /  extra.set("x", …)  /  val x by extra(…)
//	x = …  inside ext { }
//
// A map literal value ([k: 'v', …]) also defines x.k for each entry.
func (gs *gradleScript) defineVars(st gradleStmt, li *lineIndex) {
	toks := st.toks
	eq := indexTop(toks, "=")
	if eq < 0 {
		gs.defineCallVars(toks, li)
		return
	}
	lhs, rhs := toks[:eq], toks[eq+1:]
	if len(rhs) == 0 {
		return
	}
	name, nameTok := "", gtok{}
	switch {
	case len(lhs) >= 2 && lhs[0].kind == gIdent && isDeclKeyword(lhs[0].text):
		// def x / val x / var x: Type / final String x / private val x
		for i := len(lhs) - 1; i >= 1; i-- {
			if lhs[i].kind == gIdent && (i == len(lhs)-1 || lhs[i+1].is(gPunct, ":")) {
				name, nameTok = lhs[i].text, lhs[i]
			}
		}
	case st.inner() == "ext" && len(lhs) == 1 && lhs[0].kind == gIdent:
		name, nameTok = lhs[0].text, lhs[0]
	default:
		name, nameTok = extPropertyName(lhs)
	}
	if name == "" {
		return
	}
	gs.define(name, rhs, li.pos(nameTok.off), li)
}

// defineCallVars handles ext.set("x", v), extra.set("x", v), set("x", v)
// inside ext { }, and Kotlin `val x by extra(v)`.
func (gs *gradleScript) defineCallVars(toks []gtok, li *lineIndex) {
	if n := len(toks); n >= 5 && isDeclKeyword(toks[0].text) && toks[2].is(gIdent, "by") &&
		toks[3].is(gIdent, "extra") && toks[4].is(gPunct, "(") && toks[n-1].is(gPunct, ")") {
		gs.define(toks[1].text, toks[5:n-1], li.pos(toks[1].off), li)
		return
	}
	path, rest := identPath(toks)
	if len(path) == 0 || path[len(path)-1] != "set" {
		return
	}
	recv := strings.Join(path[:len(path)-1], ".")
	if recv != "" && !isExtReceiver(recv) {
		return
	}
	args := splitTop(stripParens(rest), ",")
	if len(args) != 2 || len(args[0]) != 1 || args[0][0].kind != gString {
		return
	}
	gs.define(args[0][0].text, args[1], li.pos(args[0][0].off), li)
}

func (gs *gradleScript) define(name string, rhs []gtok, pos source.Pos, li *lineIndex) {
	gs.vars[name] = gradleVar{expr: rhs, pos: pos}
	if len(rhs) < 2 || !rhs[0].is(gPunct, "[") || !rhs[len(rhs)-1].is(gPunct, "]") {
		return
	}
	for _, entry := range splitTop(rhs[1:len(rhs)-1], ",") {
		if colon := indexTop(entry, ":"); colon == 1 && (entry[0].kind == gIdent || entry[0].kind == gString) {
			gs.vars[name+"."+entry[0].text] = gradleVar{expr: entry[colon+1:], pos: li.pos(entry[0].off)}
		}
	}
}

// isDeclKeyword reports words that start a local variable declaration.
func isDeclKeyword(w string) bool {
	switch w {
	case "def", "val", "var", "String", "final", "private", "static", "const", "Object":
		return true
	}
	return false
}

// isExtReceiver reports receivers of extra properties: ext, extra,
// project.ext, rootProject.ext, project.extra, rootProject.extra, …
func isExtReceiver(recv string) bool {
	recv = strings.TrimPrefix(strings.TrimPrefix(recv, "project."), "rootProject.")
	return recv == "ext" || recv == "extra" || recv == "extensions.extraProperties"
}

// extPropertyName reads the left side of `ext.x =`, `ext["x"] =`,
// `extra["x"] =`, `rootProject.ext.x =`.
func extPropertyName(lhs []gtok) (string, gtok) {
	path, rest := identPath(lhs)
	if len(path) < 1 {
		return "", gtok{}
	}
	if len(rest) == 0 && len(path) >= 2 && isExtReceiver(strings.Join(path[:len(path)-1], ".")) {
		return path[len(path)-1], lhs[len(lhs)-1]
	}
	if len(rest) == 3 && rest[0].is(gPunct, "[") && rest[1].kind == gString && rest[2].is(gPunct, "]") &&
		isExtReceiver(strings.Join(path, ".")) {
		return rest[1].text, rest[1]
	}
	return "", gtok{}
}
