package manifest

import (
	"path"
	"sort"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// gradleResolver evaluates Gradle declarations against the whole project:
// variables of the module and its ancestor projects, gradle.properties of
// the module and the root, and the root's version catalogs.
type gradleResolver struct {
	p       *Project
	budgets *budgets // variable expansion, per build script
}

func newGradleResolver(p *Project, bud *budgets) *gradleResolver {
	return &gradleResolver{p: p, budgets: bud}
}

// gradleCtx is the evaluation context of one module.
type gradleCtx struct {
	scripts  []*gradleScript // the module, then its ancestors up to the root
	props    []*gradleProps  // gradle.properties of the module dir up to the root
	catalogs map[string]*versionCatalog
	kotlin   bool
	active   map[string]bool // names being evaluated (cycle guard)
	steps    int             // lookups during the current declaration (bounded by maxEvalSteps)
	budgets  *budgets        // expansion budget, charged to file
	file     string          // the build script being resolved
	at       source.Pos      // the declaration being evaluated (for budget errors)
}

// spend charges n bytes appended to a value of total bytes to the
// script's expansion budget.
func (ctx *gradleCtx) spend(n, total int) bool {
	return ctx.budgets.spend(ctx.file, n, total, ctx.at, "the variables of this declaration")
}

// module resolves the dependencies of one build script.
func (r *gradleResolver) module(gs *gradleScript) Module {
	ctx := r.context(gs)
	mod := Module{Dir: gs.dir, BuildFile: gs.path, System: Gradle}
	for _, d := range gs.decls {
		for _, dep := range ctx.declaration(d) {
			dep.Scope = d.config
			mod.Deps = append(mod.Deps, dep)
		}
	}
	ctx.applyConstraints(gs, mod.Deps, r.platformConstraints(gs))
	return mod
}

// applyConstraints gives dependencies declared without a version the
// version of a matching dependency constraint of the same script, else of
// a platform project it uses (fromPlatforms); the constraint's line (or
// the line its version comes from) fixes it.
func (ctx *gradleCtx) applyConstraints(gs *gradleScript, deps []Dependency, fromPlatforms []Dependency) {
	var constraints []Dependency
	for _, c := range gs.constraints {
		constraints = append(constraints, ctx.declaration(c)...)
	}
	constraints = append(constraints, fromPlatforms...)
	for i := range deps {
		d := &deps[i]
		if d.Version != "" || d.Dynamic != "" || d.RawVersion != "" {
			continue
		}
		for _, c := range constraints {
			if c.Coordinate() == d.Coordinate() && (c.Version != "" || c.Dynamic != "") {
				d.Version, d.Dynamic, d.RawVersion, d.VersionPos = c.Version, c.Dynamic, c.RawVersion, c.VersionPos
				if !d.VersionPos.IsValid() {
					d.VersionPos = c.Pos
				}
				break
			}
		}
	}
}

func (r *gradleResolver) context(gs *gradleScript) *gradleCtx {
	root := r.rootOf(gs.dir)
	ctx := &gradleCtx{catalogs: map[string]*versionCatalog{}, kotlin: gs.kotlin, active: map[string]bool{}, budgets: r.budgets, file: gs.path}
	for _, d := range ancestors(gs.dir, root) {
		for _, name := range []string{"build.gradle", "build.gradle.kts"} {
			if s := r.p.gradle[path.Join(d, name)]; s != nil {
				ctx.scripts = append(ctx.scripts, s)
			}
		}
		if gp := r.p.props[d]; gp != nil {
			ctx.props = append(ctx.props, gp)
		}
	}
	catDir := path.Join(root, "gradle")
	var paths []string
	for p := range r.p.catalogs {
		if dirOf(p) == catDir {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		vc := r.p.catalogs[p]
		ctx.catalogs[vc.name] = vc
	}
	return ctx
}

// rootOf finds the root project directory of a module: the nearest directory
// upward with settings.gradle(.kts); without one, the topmost ancestor that
// holds Gradle files (a build script, gradle.properties or a catalog).
func (r *gradleResolver) rootOf(dir string) string {
	chain := ancestors(dir, "")
	for _, d := range chain {
		if r.p.settingsDirs[d] {
			return d
		}
	}
	top := dir
	for _, d := range chain {
		if r.p.props[d] != nil || r.p.gradle[path.Join(d, "build.gradle")] != nil ||
			r.p.gradle[path.Join(d, "build.gradle.kts")] != nil || r.hasCatalog(d) {
			top = d
		}
	}
	return top
}

func (r *gradleResolver) hasCatalog(dir string) bool {
	for p := range r.p.catalogs {
		if dirOf(p) == path.Join(dir, "gradle") {
			return true
		}
	}
	return false
}

// ancestors lists dir and its parents, stopping after stop (or at the top).
func ancestors(dir, stop string) []string {
	var out []string
	for d := dir; len(out) < 256; {
		out = append(out, d)
		if d == stop || d == "." || d == "/" || d == "" {
			break
		}
		d = dirOf(d)
	}
	return out
}

// declaration turns one dependencies { } statement into dependencies: string
// notation (several allowed), map / named-argument notation,
// platform(…)/enforcedPlatform(…), catalog accessors (libs.x.y,
// libs.bundles.z) and variables holding a coordinate string.
func (ctx *gradleCtx) declaration(d gradleDecl) []Dependency {
	ctx.steps, ctx.at = 0, d.pos
	args := d.args
	if len(args) >= 2 && (args[0].kind == gIdent || args[0].kind == gString) &&
		(args[1].is(gPunct, ":") || args[1].is(gPunct, "=")) {
		if dep, ok := ctx.mapNotation(args, d.pos); ok {
			return []Dependency{dep}
		}
		return nil
	}
	var out []Dependency
	for _, part := range splitTop(args, ",") {
		out = append(out, ctx.notation(part, d.pos, 0)...)
	}
	return out
}

// wrapperCalls wrap a notation without changing which artifact it names.
var wrapperCalls = map[string]bool{"platform": true, "enforcedPlatform": true, "testFixtures": true}

func (ctx *gradleCtx) notation(toks []gtok, pos source.Pos, depth int) []Dependency {
	toks = stripParens(toks)
	if len(toks) == 0 || depth > maxEvalDepth {
		return nil
	}
	if len(toks) >= 3 && toks[0].kind == gIdent && toks[1].is(gPunct, "(") && matchParen(toks, 1) == len(toks)-1 {
		if wrapperCalls[toks[0].text] {
			return ctx.notation(toks[2:len(toks)-1], pos, depth+1)
		}
		return nil // project(":x"), files(…), kotlin("stdlib"), …: not an external module
	}
	if p, rest := identPath(toks); len(p) >= 2 && ctx.catalogs[p[0]] != nil && isGetCall(rest) {
		return ctx.catalogDeps(ctx.catalogs[p[0]], p[1:], pos)
	}
	text, vpos, ok := ctx.eval(toks, 0)
	if !ok && len(toks) == 1 && toks[0].kind == gString {
		// "g:a:$unknown": the artifact is still known, its version is not.
		text, vpos, ok = ctx.evalStringPartially(toks[0]), source.Pos{}, true
	}
	if !ok {
		return nil
	}
	dep, ok := parseCoordinate(text)
	if !ok || strings.Contains(dep.Group+dep.Artifact, "$") {
		return nil
	}
	dep.Pos = pos
	dep.RawVersion = rawCoordinateVersion(toks)
	if dep.Version != "" || dep.Dynamic != "" {
		dep.VersionPos = vpos
	}
	if dep.Version == "" && dep.Dynamic == "" && strings.Contains(dep.RawVersion, "$") {
		dep.VersionFrom = "Gradle expression " + source.QuoteCapped(dep.RawVersion, 60) +
			", which the repository does not define (a -P property, an init script or a plugin may)"
	}
	return []Dependency{dep}
}

// isGetCall accepts nothing or a trailing .get() after a catalog accessor.
func isGetCall(rest []gtok) bool {
	return len(rest) == 0 || len(rest) == 4 && rest[0].is(gPunct, ".") && rest[1].is(gIdent, "get") &&
		rest[2].is(gPunct, "(") && rest[3].is(gPunct, ")")
}

// catalogDeps resolves libs.x.y (a library) or libs.bundles.z (its members).
func (ctx *gradleCtx) catalogDeps(vc *versionCatalog, accessor []string, pos source.Pos) []Dependency {
	if accessor[len(accessor)-1] == "get" {
		accessor = accessor[:len(accessor)-1]
	}
	name := accessorPath(strings.Join(accessor, "."))
	var libs []string
	switch {
	case accessor[0] == "bundles" && len(accessor) > 1:
		libs = vc.bundles[accessorPath(strings.Join(accessor[1:], "."))]
	case accessor[0] == "versions" || accessor[0] == "plugins":
		return nil
	default:
		libs = []string{name}
	}
	var out []Dependency
	for _, l := range libs {
		lib, ok := vc.libraries[l]
		if !ok {
			continue
		}
		v, raw, vpos := vc.libraryVersion(lib)
		dep := Dependency{Group: lib.group, Artifact: lib.artifact, Version: v, RawVersion: raw, Pos: pos, VersionPos: vpos}
		if IsDynamicVersion(v) {
			dep.Version, dep.Dynamic = "", v
		}
		out = append(out, dep)
	}
	return out
}

// mapNotation reads group: 'g', name: 'a', version: 'v' (Groovy) or
// group = "g", name = "a", version = "v" (Kotlin named arguments).
func (ctx *gradleCtx) mapNotation(args []gtok, pos source.Pos) (Dependency, bool) {
	dep := Dependency{Pos: pos}
	for _, part := range splitTop(args, ",") {
		if len(part) < 3 || !(part[1].is(gPunct, ":") || part[1].is(gPunct, "=")) {
			continue
		}
		key, val := part[0].text, part[2:]
		v, vpos, ok := ctx.eval(val, 0)
		switch key {
		case "group":
			dep.Group = v
		case "name":
			dep.Artifact = v
		case "version":
			dep.RawVersion = tokensText(val)
			switch {
			case ok && IsDynamicVersion(v):
				dep.Dynamic, dep.VersionPos = v, vpos
			case ok && !isDynamicVersion(v):
				dep.Version, dep.VersionPos = v, vpos
			}
		}
		if !ok && key != "version" && (key == "group" || key == "name") {
			return dep, false
		}
	}
	return dep, dep.Group != "" && dep.Artifact != ""
}

// parseCoordinate splits "group:artifact[:version[:classifier]][@ext]".
func parseCoordinate(s string) (Dependency, bool) {
	s, _, _ = strings.Cut(s, "@")
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) < 2 || len(parts) > 4 || parts[0] == "" || parts[1] == "" {
		return Dependency{}, false
	}
	for _, p := range parts {
		if strings.ContainsAny(p, " \t\n/\\") {
			return Dependency{}, false
		}
	}
	dep := Dependency{Group: parts[0], Artifact: parts[1]}
	switch {
	case len(parts) < 3:
	case IsDynamicVersion(parts[2]):
		dep.Dynamic = parts[2]
	case !isDynamicVersion(parts[2]):
		dep.Version = parts[2]
	}
	return dep, true
}

// rawCoordinateVersion returns the version segment of a notation as written
// ("$powerjobVersion" for "g:a:$powerjobVersion"), or the whole expression
// when the coordinate comes from a variable.
func rawCoordinateVersion(toks []gtok) string {
	if len(toks) == 1 && toks[0].kind == gString {
		parts := strings.Split(stringSource(toks[0]), ":")
		if len(parts) >= 3 {
			v, _, _ := strings.Cut(parts[2], "@")
			return v
		}
		return ""
	}
	return tokensText(toks)
}
