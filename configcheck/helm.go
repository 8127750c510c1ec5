package configcheck

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/configcheck/springconf"
)

// A Helm chart's templates are not rendered (nothing is executed), so how
// they pass settings to the server is not known. A chart whose values pin a
// PowerJob server image still runs a server: it gets a server whose setting
// is unknown (a note), with the version of an official image tag.

// helmServers builds one server per image reference in the values files
// (values.yaml, values-*.yaml) of every chart (a directory with Chart.yaml).
func helmServers(inv *inventory) []*server {
	var charts []string
	for dir, m := range inv.markers {
		if m&markerHelmChart != 0 {
			charts = append(charts, dir)
		}
	}
	slices.Sort(charts)
	var out []*server
	for _, dir := range charts {
		for _, vf := range valuesFiles(inv, dir) {
			out = append(out, chartServers(inv, dir, vf)...)
		}
	}
	return out
}

// valuesFiles lists the chart's values files in path order.
func valuesFiles(inv *inventory, dir string) []string {
	var out []string
	for p := range inv.byPath {
		base := strings.ToLower(path.Base(p))
		if path.Dir(p) == dir && strings.HasPrefix(base, "values") && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// chartServers reads the server images a values file pins: an `image:`
// string, or `repository:` (with `tag:` beside it) under an image key.
func chartServers(inv *inventory, chart, file string) []*server {
	data, ok := inv.files.read(file)
	if !ok {
		return nil
	}
	f, err := springconf.ParseYAML(file, data)
	if err != nil {
		return nil // reported by the walk when it is a Spring/K8s file; a chart's values need not be
	}
	var out []*server
	for _, d := range f.Docs {
		for _, ref := range imageRefs(d.Entries) {
			if !deploy.IsServerImage(ref.image) {
				continue
			}
			s := &server{
				desc:   fmt.Sprintf("Helm chart %s (%s)", chart, file),
				anchor: ref.pos,
				image:  ref.image,
			}
			if v, ok := deploy.OfficialServerVersion(ref.image); ok {
				s.version, s.versionFrom = v, ref.pos
			}
			s.props.fixed = []layer{{kind: srcArgs, wildcard: fmt.Sprintf(
				"the chart's values pin %s at %s, but its templates are not rendered, so the settings they pass to the server (env, args, mounted config) are not known; check the rendered manifests (helm template)",
				ref.image, posText(ref.pos))}}
			out = append(out, s)
		}
	}
	return out
}

type imageRef struct {
	image string
	pos   source.Pos
}

// imageRefs finds image references among flattened values entries:
// "<x>.image" or "image" holding a full reference, and
// "<x>.repository"/"<x>.image.repository" with a sibling tag.
func imageRefs(entries []springconf.Entry) []imageRef {
	values := map[string]string{}
	for _, e := range entries {
		values[strings.ToLower(e.Key)] = strings.TrimSpace(e.Value)
	}
	var out []imageRef
	for _, e := range entries {
		key := strings.ToLower(e.Key)
		v := strings.TrimSpace(e.Value)
		switch {
		case key == "image" || strings.HasSuffix(key, ".image"):
			out = append(out, imageRef{v, e.Pos})
		case key == "repository" || strings.HasSuffix(key, ".repository"):
			prefix := strings.TrimSuffix(key, "repository")
			if reg := values[prefix+"registry"]; reg != "" {
				v = reg + "/" + v
			}
			if tag := values[prefix+"tag"]; tag != "" {
				v += ":" + tag
			}
			out = append(out, imageRef{v, e.Pos})
		}
	}
	return out
}
