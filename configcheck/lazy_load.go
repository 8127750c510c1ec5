package configcheck

import (
	"fmt"
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
)

// The second pass of lazy parsing (lazy.go): each step parses the deferred
// files that the facts known so far make matter, in dependency order —
// build files before modules are resolved, deployment files before
// containers are merged, Spring files once the servers' modules and mounts
// are known.

// deferredManifests are the build files to parse besides those that
// mention PowerJob: the build files of modules whose Spring config is a
// server's, and every pom in a directory above a parsed pom (its parents).
func (inv *inventory) deferredManifests(added []string) []deferredFile {
	want := map[string]bool{}
	for _, sf := range inv.springFiles {
		if sf.hasOMS && sf.cfgMap == "" {
			if module, _, _, ok := locate(sf.path); ok {
				want[path.Clean(module)] = true
			}
		}
	}
	for _, p := range added {
		if path.Base(p) != "pom.xml" {
			continue
		}
		for d := path.Dir(path.Dir(p)); ; d = path.Dir(d) {
			want[d] = true
			if d == "." || d == "/" {
				break
			}
		}
	}
	var out []deferredFile
	for _, d := range inv.deferred {
		if d.kind == kindManifest && want[path.Dir(d.path)] && isBuildScript(d.path) {
			out = append(out, d)
		}
	}
	return out
}

func isBuildScript(p string) bool {
	base := path.Base(p)
	return base == "pom.xml" || base == "build.gradle" || base == "build.gradle.kts"
}

// loadManifests parses the deferred build files into the project.
func (inv *inventory) loadManifests(added []string, project *manifest.Project, report *Report) {
	for _, d := range inv.deferredManifests(added) {
		if data, ok := inv.readDeferred(d); ok {
			if err := project.Add(d.path, data); err != nil {
				report.Errors = append(report.Errors, inputErrorOf(d.path, err))
			}
		}
	}
}

// loadDeployment parses deferred deployment files that can run a client
// (under a client module's directory), that sit beside a server's compose
// file (overrides) or manifest (its Services), and the Dockerfiles that a
// parsed compose service builds.
func (inv *inventory) loadDeployment(report *Report) {
	clientDirs := map[string]bool{}
	for _, c := range clients(inv) {
		if d := path.Clean(c.module.Dir); d != "." {
			clientDirs[d] = true
		}
	}
	serverDirs := map[string]bool{}
	for _, c := range inv.containers {
		if deploy.IsServerImage(c.Image) {
			serverDirs[path.Dir(c.File)] = true
		}
	}
	underClient := func(p string) bool {
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			if clientDirs[d] {
				return true
			}
		}
		return false
	}
	isDeploy := func(d deferredFile) bool {
		return d.kind == kindCompose || d.kind == kindDockerfile || (d.kind == kindSpring && inv.byPath[d.path] == nil)
	}
	var batch []deferredFile
	for _, d := range inv.deferred {
		near := serverDirs[path.Dir(d.path)] && (d.kind == kindCompose || d.endpoints)
		if isDeploy(d) && (underClient(d.path) || near) {
			batch = append(batch, d)
		}
	}
	inv.loadFiles(batch, report)
	built := map[string]bool{}
	for _, c := range inv.containers {
		if c.BuildDockerfile != "" {
			built[path.Clean(c.BuildDockerfile)] = true
		}
	}
	batch = batch[:0]
	for _, d := range inv.deferred {
		if d.kind == kindDockerfile && built[d.path] {
			batch = append(batch, d)
		}
	}
	inv.loadFiles(batch, report)
}

// loadSpring parses the deferred Spring files of servers: those of a
// module that holds oms. keys or an embedded server, and those mounted
// into a server container.
func (inv *inventory) loadSpring(report *Report) {
	modules := map[string]bool{}
	for _, sf := range inv.springFiles {
		if sf.hasOMS && sf.cfgMap == "" {
			if m, _, _, ok := locate(sf.path); ok {
				modules[path.Clean(m)] = true
			}
		}
	}
	for _, m := range inv.modules {
		if _, ok := serverStarter(m); ok || isPowerJobServerModule(m) {
			modules[path.Clean(m.Dir)] = true
		}
	}
	mounted := map[string]bool{}
	for _, c := range inv.containers {
		if !deploy.IsServerImage(c.Image) {
			continue
		}
		for _, mt := range c.Mounts {
			if !strings.HasPrefix(mt.Source, "configmap:") {
				mounted[path.Clean(mt.Source)] = true
			}
		}
	}
	for _, sf := range inv.springFiles {
		if !sf.deferred {
			continue
		}
		m, _, _, ok := locate(sf.path)
		if (ok && modules[path.Clean(m)]) || mounted[sf.path] || mounted[path.Dir(sf.path)] {
			inv.loadSpringFile(sf, report)
		}
	}
}

// loadSpringFile parses a deferred Spring file in place: every index
// already points at sf.
func (inv *inventory) loadSpringFile(sf *springFile, report *Report) {
	sf.deferred = false
	data, ok := inv.files.read(sf.path)
	if !ok {
		return
	}
	parsed, err := parseSpring(sf.path, data, sf.path, wholeFile(sf.path))
	if err != nil {
		e := inputErrorOf(sf.path, err)
		report.Errors = append(report.Errors, e)
		inv.failed[sf] = fmt.Sprintf("%s:%d: %s", e.Location.Path, e.Location.Line, e.Message)
		return
	}
	*sf = *parsed
}
