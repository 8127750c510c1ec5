package configcheck

import (
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
)

// site is where a server or a client runs, as far as the repository tells:
// the facts pairing compares. Each is computed once per server or client.
type site struct {
	hosts []string     // names that reach a server (lower case)
	addrs []serverAddr // addresses a client is configured to call
	units []string     // deployment units, as said in messages ("compose project deploy/")
	build string       // "Maven build ./", "" when in no multi-module build
	dir   string       // directory for the nearest-directory rule
}

// siteIndex answers "which containers run this module" and "which names
// reach this container" without comparing every pair.
type siteIndex struct {
	inv        *inventory
	runsDir    map[string][]int             // dir -> containers built from or defined under it
	runsImage  map[string][]int             // image name (last path segment) -> containers
	springMods map[string][]*springFile     // module dir -> its Spring files
	services   map[string][]deploy.Endpoint // namespace -> Services
	ingresses  map[string][]deploy.Endpoint // namespace -> Ingress rules
}

func newSiteIndex(inv *inventory) *siteIndex {
	x := &siteIndex{inv: inv, runsDir: map[string][]int{}, runsImage: map[string][]int{}, springMods: map[string][]*springFile{},
		services: map[string][]deploy.Endpoint{}, ingresses: map[string][]deploy.Endpoint{}}
	for i, c := range inv.containers {
		seen := map[string]bool{}
		for _, p := range []string{c.BuildDockerfile, c.File} {
			for d := path.Dir(p); p != "" && d != "." && d != "/" && !seen[d]; d = path.Dir(d) {
				seen[d] = true
				x.runsDir[d] = append(x.runsDir[d], i)
			}
		}
		if n := imageName(c.Image); n != "" {
			x.runsImage[n] = append(x.runsImage[n], i)
		}
	}
	for _, sf := range inv.springFiles {
		if module, _, _, ok := locate(sf.path); ok && sf.cfgMap == "" && sf.role != roleOther {
			x.springMods[module] = append(x.springMods[module], sf)
		}
	}
	for _, ep := range inv.endpoints {
		if ep.Host == "" {
			x.services[ep.Namespace] = append(x.services[ep.Namespace], ep)
		} else {
			x.ingresses[ep.Namespace] = append(x.ingresses[ep.Namespace], ep)
		}
	}
	return x
}

// imageName is the last path segment of an image reference without tag or
// digest: "registry.example.com/shop/order-service:1.4" -> "order-service".
func imageName(image string) string {
	image, _, _ = strings.Cut(image, "@")
	name := image[strings.LastIndexByte(image, '/')+1:]
	name, _, _ = strings.Cut(name, ":")
	return strings.ToLower(name)
}

// runners are the containers that run a module: built from a Dockerfile
// under its directory, defined in a descriptor under it, or running an
// image named like the module (its artifactId or directory). Containers
// running a PowerJob server image are left out when client is set.
func (x *siteIndex) runners(dir, artifact string, client bool) []int {
	var out []int
	if dir = path.Clean(dir); dir != "." {
		out = append(out, x.runsDir[dir]...)
		out = append(out, x.runsImage[strings.ToLower(path.Base(dir))]...)
	}
	if artifact != "" && !strings.EqualFold(artifact, path.Base(dir)) {
		out = append(out, x.runsImage[strings.ToLower(artifact)]...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if client {
		out = slices.DeleteFunc(out, func(i int) bool { return deploy.IsServerImage(x.inv.containers[i].Image) })
	}
	return out
}

// serverSite is where a server runs.
func (x *siteIndex) serverSite(s *server) site {
	var st site
	switch {
	case s.container != nil:
		x.addContainer(&st, *s.container)
		st.dir = path.Dir(s.container.File)
		if df := s.container.BuildDockerfile; df != "" {
			st.build = x.buildOf(path.Dir(df))
		}
	case s.module != "":
		st.dir = s.module
		st.build = x.buildOf(s.module)
		m, _ := x.inv.moduleAt(s.module)
		for _, i := range x.runners(s.module, m.Artifact, false) {
			x.addContainer(&st, x.inv.containers[i])
		}
	default:
		st.dir = path.Dir(s.anchor.File)
	}
	return st
}

// clientSite is where a client module runs and which server addresses it
// is configured with.
func (x *siteIndex) clientSite(m manifest.Module) site {
	dir := path.Clean(m.Dir)
	st := site{dir: dir, build: x.buildOf(dir)}
	for _, sf := range x.springMods[dir] {
		st.addrs = append(st.addrs, springAddresses(sf)...)
	}
	for _, i := range x.runners(dir, m.Artifact, true) {
		c := x.inv.containers[i]
		st.units = appendNew(st.units, x.containerUnits(c)...)
		st.addrs = append(st.addrs, containerAddresses(c)...)
	}
	return st
}

func (x *siteIndex) addContainer(st *site, c deploy.Container) {
	st.units = appendNew(st.units, x.containerUnits(c)...)
	st.hosts = appendNew(st.hosts, x.containerHosts(c)...)
}

// containerHosts are the names that reach a container: a compose service's
// name, container_name, hostname and aliases; for Kubernetes, the Services
// whose selector matches its pod labels in its namespace (svc, svc.ns,
// svc.ns.svc, svc.ns.svc.cluster.local) and the Ingress hosts routed to
// them.
func (x *siteIndex) containerHosts(c deploy.Container) []string {
	var out []string
	switch c.Kind {
	case deploy.KindCompose:
		out = append(out, strings.ToLower(c.Name))
		for _, h := range c.Hosts {
			out = append(out, strings.ToLower(h))
		}
	case deploy.KindKubernetes:
		for _, svc := range x.services[c.Namespace] {
			if !selects(svc.Selector, c.Labels) {
				continue
			}
			name := strings.ToLower(svc.Service)
			out = append(out, name)
			if ns := strings.ToLower(c.Namespace); ns != "" {
				out = append(out, name+"."+ns, name+"."+ns+".svc", name+"."+ns+".svc.cluster.local")
			}
			for _, ing := range x.ingresses[c.Namespace] {
				if ing.Service == svc.Service {
					out = append(out, ing.Host)
				}
			}
		}
	}
	return out
}

// selects reports whether a Service selector matches pod labels (an empty
// selector selects nothing the checker can see).
func selects(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// containerUnits are the deployment units a container belongs to: its
// compose project (the compose file's directory), or its Kubernetes
// namespace, kustomization and Helm chart (else the manifests' directory).
func (x *siteIndex) containerUnits(c deploy.Container) []string {
	dir := path.Dir(c.File)
	switch c.Kind {
	case deploy.KindCompose:
		return []string{"compose project " + dir + "/"}
	case deploy.KindKubernetes:
		var out []string
		if c.Namespace != "" {
			out = append(out, "Kubernetes namespace "+c.Namespace)
		}
		if d, ok := x.inv.nearestMarker(dir, markerKustomization); ok {
			out = append(out, "kustomization "+d+"/")
		}
		if d, ok := x.inv.nearestMarker(dir, markerHelmChart); ok {
			out = append(out, "Helm chart "+d+"/")
		}
		if len(out) == 0 {
			out = append(out, "Kubernetes manifests "+dir+"/")
		}
		return out
	}
	return nil
}

// buildOf describes the multi-module build a directory's module belongs
// to ("" for none).
func (x *siteIndex) buildOf(dir string) string {
	root, ok := x.inv.buildRoots[path.Clean(dir)]
	if !ok {
		return ""
	}
	m, _ := x.inv.moduleAt(dir)
	kind := "Maven"
	if m.System == manifest.Gradle {
		kind = "Gradle"
	}
	return kind + " build " + root + "/"
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
