package manifest

// Evaluating Gradle expressions: the version and coordinate strings of a
// declaration, through interpolation, concatenation, variables, extra
// properties, gradle.properties and catalog versions.

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// maxEvalDepth bounds nested evaluation (variables referring to variables,
// interpolations inside interpolations).
const maxEvalDepth = 32

// maxEvalSteps bounds the variable lookups made for one declaration, so that
// variables that each reference the next one twice cannot take exponential
// time.
const maxEvalSteps = 10000

// stringSource renders a string token's content with its interpolations.
func stringSource(t gtok) string {
	var b strings.Builder
	for _, p := range t.parts {
		if p.isEx {
			b.WriteString("${" + p.expr + "}")
		} else {
			b.WriteString(p.lit)
		}
	}
	return b.String()
}

// tokensText renders tokens compactly (for RawVersion).
func tokensText(toks []gtok) string {
	var b strings.Builder
	for _, t := range toks {
		if t.kind == gString {
			b.WriteString(stringSource(t))
		} else {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// eval evaluates a version or coordinate expression: string literals (with
// interpolation), concatenation with +, variables, extra/ext lookups,
// property("x") / findProperty("x") / providers.gradleProperty("x"), and
// catalog versions (libs.versions.x). It returns the value, the position of
// the definition that fixed it (zero for a literal written in place) and
// whether it could be evaluated at all.
func (ctx *gradleCtx) eval(toks []gtok, depth int) (string, source.Pos, bool) {
	if depth > maxEvalDepth {
		return "", source.Pos{}, false
	}
	toks = trimConversions(stripParens(toks))
	if ops := splitTop(toks, "+"); len(ops) > 1 {
		return ctx.concat(ops, depth)
	}
	if len(toks) == 0 {
		return "", source.Pos{}, false
	}
	if len(toks) == 1 {
		switch toks[0].kind {
		case gString:
			return ctx.evalString(toks[0], depth)
		case gNumber:
			return toks[0].text, source.Pos{}, true
		}
	}
	p, rest := identPath(toks)
	if len(p) == 0 {
		return "", source.Pos{}, false
	}
	switch {
	case len(rest) == 0:
		return ctx.lookupPath(p, depth)
	case len(rest) == 3 && rest[1].kind == gString && !rest[1].interpolated() &&
		(rest[0].is(gPunct, "(") && rest[2].is(gPunct, ")") && isPropertyCall(p) ||
			rest[0].is(gPunct, "[") && rest[2].is(gPunct, "]") && isPropertyMap(p)):
		return ctx.lookupName(rest[1].text, depth)
	}
	return "", source.Pos{}, false
}

func (ctx *gradleCtx) concat(ops [][]gtok, depth int) (string, source.Pos, bool) {
	var b strings.Builder
	var first source.Pos
	for _, op := range ops {
		v, p, ok := ctx.eval(op, depth+1)
		if !ok || !ctx.spend(len(v), b.Len()+len(v)) {
			return "", source.Pos{}, false
		}
		if !first.IsValid() {
			first = p
		}
		b.WriteString(v)
	}
	return b.String(), first, true
}

func (ctx *gradleCtx) evalString(t gtok, depth int) (string, source.Pos, bool) {
	var b strings.Builder
	var first source.Pos
	for _, part := range t.parts {
		if !part.isEx {
			b.WriteString(part.lit)
			continue
		}
		toks, _, err := lexGradle("", []byte(part.expr), ctx.kotlin)
		if err != nil {
			return "", source.Pos{}, false
		}
		v, p, ok := ctx.eval(dropNewlines(toks), depth+1)
		if !ok || !ctx.spend(len(v), b.Len()+len(v)) {
			return "", source.Pos{}, false
		}
		if !first.IsValid() {
			first = p
		}
		b.WriteString(v)
	}
	return b.String(), first, true
}

// evalStringPartially evaluates a string, leaving "$?" for each
// interpolation that cannot be resolved (which makes a version unknown).
func (ctx *gradleCtx) evalStringPartially(t gtok) string {
	var b strings.Builder
	for _, part := range t.parts {
		if !part.isEx {
			b.WriteString(part.lit)
			continue
		}
		one := gtok{kind: gString, parts: []strPart{part}}
		if v, _, ok := ctx.evalString(one, 0); ok {
			b.WriteString(v)
		} else {
			b.WriteString("$?")
		}
	}
	return b.String()
}

func dropNewlines(toks []gtok) []gtok {
	out := toks[:0:0]
	for _, t := range toks {
		if t.kind != gNewline {
			out = append(out, t)
		}
	}
	return out
}

// trimConversions drops trailing `as String`, `!!`, `.get()`, `.toString()`
// and `.orNull`, which do not change the value.
func trimConversions(toks []gtok) []gtok {
	for {
		n := len(toks)
		switch {
		case n >= 2 && toks[n-2].is(gIdent, "as") && toks[n-1].kind == gIdent:
			toks = toks[:n-2]
		case n >= 2 && toks[n-2].is(gPunct, "!") && toks[n-1].is(gPunct, "!"):
			toks = toks[:n-2]
		case n >= 4 && toks[n-4].is(gPunct, ".") && (toks[n-3].is(gIdent, "get") || toks[n-3].is(gIdent, "toString")) &&
			toks[n-2].is(gPunct, "(") && toks[n-1].is(gPunct, ")"):
			toks = toks[:n-4]
		case n >= 2 && toks[n-2].is(gPunct, ".") && (toks[n-1].is(gIdent, "orNull") || toks[n-1].is(gIdent, "get")):
			toks = toks[:n-2]
		default:
			return toks
		}
	}
}

// isPropertyCall: property("x"), findProperty("x"), project.property("x"),
// providers.gradleProperty("x"), ext.get("x"), extra.get("x").
func isPropertyCall(p []string) bool {
	last := p[len(p)-1]
	switch last {
	case "property", "findProperty", "getProperty", "gradleProperty":
		return true
	case "get":
		return isExtReceiver(strings.Join(p[:len(p)-1], "."))
	}
	return false
}

// isPropertyMap: ext["x"], extra["x"], project.properties["x"], …
func isPropertyMap(p []string) bool {
	recv := strings.Join(p, ".")
	return isExtReceiver(recv) || strings.TrimPrefix(strings.TrimPrefix(recv, "project."), "rootProject.") == "properties"
}

// lookupPath resolves a.b.c: catalog versions (libs.versions.x), else a
// variable or property, with project./rootProject./ext./extra. prefixes
// dropped.
func (ctx *gradleCtx) lookupPath(p []string, depth int) (string, source.Pos, bool) {
	if vc := ctx.catalogs[p[0]]; vc != nil && len(p) >= 3 && p[1] == "versions" {
		if v, ok := vc.versions[accessorPath(strings.Join(p[2:], "."))]; ok {
			return v.text, v.pos, true
		}
		return "", source.Pos{}, false
	}
	for len(p) > 1 && (p[0] == "project" || p[0] == "rootProject" || p[0] == "ext" || p[0] == "extra") {
		p = p[1:]
	}
	return ctx.lookupName(strings.Join(p, "."), depth)
}

// lookupName finds a variable of the module or an ancestor project, then a
// gradle.properties entry (module first, root last).
func (ctx *gradleCtx) lookupName(name string, depth int) (string, source.Pos, bool) {
	ctx.steps++
	if ctx.active[name] || depth > maxEvalDepth || ctx.steps > maxEvalSteps {
		return "", source.Pos{}, false
	}
	ctx.active[name] = true
	defer delete(ctx.active, name)
	for _, s := range ctx.scripts {
		if v, ok := s.vars[name]; ok {
			text, p, ok := ctx.eval(v.expr, depth+1)
			if !p.IsValid() {
				p = v.pos
			}
			return text, p, ok
		}
	}
	for _, gp := range ctx.props {
		if v, ok := gp.values[name]; ok {
			return v.text, v.pos, true
		}
	}
	return "", source.Pos{}, false
}
