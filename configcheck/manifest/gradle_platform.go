package manifest

import (
	"path"
	"strings"
)

// Gradle platforms inside the repository: a module that declares
// implementation(platform(project(":platform"))) (or enforcedPlatform) gets
// the versions of that project's dependency constraints — a java-platform
// project's `dependencies { constraints { api("g:a:v") } }` — for the
// dependencies it declares without a version.

// platformConstraints returns the constraints of the in-repository
// platform projects gs uses, resolved in their own scripts.
func (r *gradleResolver) platformConstraints(gs *gradleScript) []Dependency {
	var out []Dependency
	root := r.rootOf(gs.dir)
	for _, d := range gs.decls {
		project, ok := platformProject(d.args)
		if !ok {
			continue
		}
		ps := r.scriptAt(path.Join(root, strings.ReplaceAll(strings.Trim(project, ":"), ":", "/")))
		if ps == nil || ps == gs {
			continue
		}
		pctx := r.context(ps)
		for _, c := range ps.constraints {
			out = append(out, pctx.declaration(c)...)
		}
	}
	return out
}

// scriptAt is the build script of a project directory, if any.
func (r *gradleResolver) scriptAt(dir string) *gradleScript {
	for _, name := range []string{"build.gradle.kts", "build.gradle"} {
		if s := r.p.gradle[path.Join(dir, name)]; s != nil {
			return s
		}
	}
	return nil
}

// platformProject recognises platform(project(":x")) and
// enforcedPlatform(project(":x")) and returns ":x".
func platformProject(args []gtok) (string, bool) {
	toks := stripParens(args)
	if len(toks) < 4 || toks[0].kind != gIdent || (toks[0].text != "platform" && toks[0].text != "enforcedPlatform") ||
		!toks[1].is(gPunct, "(") || matchParen(toks, 1) != len(toks)-1 {
		return "", false
	}
	inner := stripParens(toks[2 : len(toks)-1])
	if len(inner) != 4 || !inner[0].is(gIdent, "project") || !inner[1].is(gPunct, "(") ||
		inner[2].kind != gString || inner[2].interpolated() || !inner[3].is(gPunct, ")") {
		return "", false
	}
	return inner[2].text, true
}
