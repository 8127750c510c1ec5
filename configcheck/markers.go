package configcheck

import (
	"path"
	"strings"
)

// marker flags a directory that roots a deployment unit by a file it holds.
type marker uint8

const (
	markerKustomization marker = 1 << iota // kustomization.yaml
	markerHelmChart                        // Chart.yaml
)

// addMarker records the deployment-unit files among the files read.
func (inv *inventory) addMarker(p string) {
	var m marker
	switch strings.ToLower(path.Base(p)) {
	case "kustomization.yaml", "kustomization.yml":
		m = markerKustomization
	case "chart.yaml":
		m = markerHelmChart
	default:
		return
	}
	inv.markers[path.Dir(p)] |= m
}

// nearestMarker finds the nearest directory at or above dir that holds the
// marker file.
func (inv *inventory) nearestMarker(dir string, m marker) (string, bool) {
	for d := path.Clean(dir); ; d = path.Dir(d) {
		if inv.markers[d]&m != 0 {
			return d, true
		}
		if d == "." || d == "/" {
			return "", false
		}
	}
}
