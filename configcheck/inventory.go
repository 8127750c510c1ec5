package configcheck

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
)

// PowerJob coordinates.
const (
	powerjobGroup      = "tech.powerjob"
	clientArtifact     = "powerjob-client"
	serverStarterArtif = "powerjob-server-starter"
)

// inventory is the scan's parsed facts, indexed for the server model.
type inventory struct {
	springFiles []*springFile            // walk order; ConfigMap-embedded files included
	byPath      map[string]*springFile   // on-disk Spring files by display path
	byBase      map[string][]*springFile // on-disk Spring files by base name (Nacos data-ids)
	configMaps  map[string][]*springFile // ConfigMap-embedded files by ConfigMap name
	containers  []deploy.Container       // compose services and Kubernetes containers, walk order
	dockerfiles map[string]deploy.Container
	dfOrder     []string // Dockerfile paths in walk order
	modules     []manifest.Module
	buildRoots  map[string]string // module dir -> root of its multi-module build
	moduleDirs  map[string]int    // cleaned module dir -> index in modules
	markers     map[string]marker // directories holding kustomization.yaml / Chart.yaml
	endpoints   []deploy.Endpoint // Kubernetes Services and Ingress rules
	files       fileAccess        // for files named by other files (compose env_file)
	// failed holds the Spring files loaded by name (application*,
	// bootstrap*) that could not be parsed, with the parse error: a server
	// that loads one has an unknown setting. They are in springFiles and
	// byPath as files without content.
	failed map[*springFile]string
	// dotEnv holds the variables of the .env beside a compose file, by
	// compose file (see withDotEnv).
	dotEnv map[string][]deploy.EnvVar
	// deferred are the files read but not parsed (lazy.go).
	deferred []deferredFile
	loaded   map[string]bool // deferred files parsed by the second pass
}

// newInventory indexes the facts; manifests are resolved together here, in
// path order, so the result does not depend on which worker finished first.
func newInventory(facts []fileFacts, report *Report, files fileAccess) *inventory {
	return newInventoryWith(facts, report, files, manifest.NewProject())
}

// newInventoryWith is newInventory with a project that may already hold
// manifests parsed earlier (a Workspace's cache).
func newInventoryWith(facts []fileFacts, report *Report, files fileAccess, project *manifest.Project) *inventory {
	inv := &inventory{
		markers:     map[string]marker{},
		loaded:      map[string]bool{},
		files:       files,
		byPath:      map[string]*springFile{},
		byBase:      map[string][]*springFile{},
		configMaps:  map[string][]*springFile{},
		dockerfiles: map[string]deploy.Container{},
		failed:      map[*springFile]string{},
	}
	var added []string // build files parsed in the first pass
	for i := range facts {
		ff := &facts[i]
		report.Errors = append(report.Errors, ff.errs...)
		inv.addFacts(ff)
		if ff.deferred != nil {
			inv.deferred = append(inv.deferred, *ff.deferred)
		}
		switch {
		case ff.manifest != nil:
			if err := project.Add(ff.path, ff.manifest); err != nil {
				report.Errors = append(report.Errors, inputErrorOf(ff.path, err))
			}
			added = append(added, ff.path)
			ff.manifest = nil
		case ff.parsed != nil: // parsed by the scan's reader
			project.Merge(ff.parsed)
			if ff.manifestErr != nil {
				report.Errors = append(report.Errors, inputErrorOf(ff.path, ff.manifestErr))
			}
			added = append(added, ff.path)
			ff.parsed = nil
		}
	}
	if len(inv.deferred) > 0 {
		inv.loadManifests(added, project, report)
	}
	modules, errs := project.Resolve()
	inv.modules = modules
	inv.buildRoots = project.BuildRoots()
	inv.moduleDirs = map[string]int{}
	for i, m := range inv.modules {
		if _, dup := inv.moduleDirs[path.Clean(m.Dir)]; !dup {
			inv.moduleDirs[path.Clean(m.Dir)] = i
		}
	}
	for _, err := range errs { // refused expansions: those values are unknown
		report.Errors = append(report.Errors, inputErrorOf("", err))
	}
	if len(inv.deferred) > 0 {
		inv.loadDeployment(report)
	}
	inv.containers = mergeComposeOverrides(inv.withDotEnv(inv.containers))
	if len(inv.deferred) > 0 {
		inv.loadSpring(report)
	}
	return inv
}

func (inv *inventory) addFacts(ff *fileFacts) {
	inv.addMarker(ff.path)
	if ff.kind == kindSpring && len(ff.spring) == 0 && len(ff.errs) > 0 {
		if role, profile, isYAML := springName(ff.path); role != roleOther {
			sf := &springFile{path: ff.path, role: role, profile: profile, yaml: isYAML}
			e := ff.errs[0]
			inv.failed[sf] = fmt.Sprintf("%s:%d: %s", e.Location.Path, e.Location.Line, e.Message)
			ff.spring = []*springFile{sf}
		}
	}
	for _, sf := range ff.spring {
		inv.springFiles = append(inv.springFiles, sf)
		if sf.cfgMap != "" {
			inv.configMaps[sf.cfgMap] = append(inv.configMaps[sf.cfgMap], sf)
			continue
		}
		inv.byPath[sf.path] = sf
		base := path.Base(sf.path)
		inv.byBase[base] = append(inv.byBase[base], sf)
	}
	inv.endpoints = append(inv.endpoints, ff.endpoints...)
	switch ff.kind {
	case kindDockerfile:
		// The parser returns the final stage: that is what runs.
		if n := len(ff.containers); n > 0 {
			inv.dockerfiles[ff.path] = ff.containers[n-1]
			inv.dfOrder = append(inv.dfOrder, ff.path)
		}
	default:
		inv.containers = append(inv.containers, ff.containers...)
	}
}

// moduleAt returns the build module whose directory is dir.
func (inv *inventory) moduleAt(dir string) (manifest.Module, bool) {
	i, ok := inv.moduleDirs[path.Clean(dir)]
	if !ok {
		return manifest.Module{}, false
	}
	return inv.modules[i], true
}

// isPowerJobServerModule reports whether the module is one of PowerJob's
// own server modules (tech.powerjob:powerjob-server*), as in the PowerJob
// repository or a fork: its dependencies are the server's, and its
// powerjob-client dependency is what powerjob-server-starter pulls in, not
// a remote client.
func isPowerJobServerModule(m manifest.Module) bool {
	return m.Group == powerjobGroup && strings.HasPrefix(m.Artifact, "powerjob-server")
}

// serverStarter returns the module's powerjob-server-starter dependency: a
// module that has it runs an embedded PowerJob server.
func serverStarter(m manifest.Module) (manifest.Dependency, bool) {
	i := slices.IndexFunc(m.Deps, func(d manifest.Dependency) bool {
		return d.Group == powerjobGroup && d.Artifact == serverStarterArtif
	})
	if i < 0 {
		return manifest.Dependency{}, false
	}
	return m.Deps[i], true
}
