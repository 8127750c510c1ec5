package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// runVersion implements `twice version`.
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "twice version: unexpected arguments %q\nusage: twice version\n", args)
		return exitUsage
	}
	bi, ok := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(bi, ok))
	return exitClean
}

// toolVersion is the bare module version, for SARIF's tool.driver.version.
func toolVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// versionLine describes the build: the module version (a release tag when
// installed with `go install …@vX`, a pseudo-version or "(devel)" when built
// from a checkout), the VCS revision and time when the build recorded them,
// and the Go toolchain.
//
//	twice v1.2.0 go1.26.0
//	twice (devel) revision 3f1c2a9b7d0e, 2026-01-02T15:04:05Z, modified go1.26.0
func versionLine(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "twice (unknown version: no build information)"
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)" // e.g. `go run` of a file list
	}
	var vcs []string
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, "revision "+shortRevision(rev))
	}
	if t := settings["vcs.time"]; t != "" {
		vcs = append(vcs, t)
	}
	if settings["vcs.modified"] == "true" {
		vcs = append(vcs, "modified")
	}
	line := "twice " + version
	if len(vcs) > 0 {
		line += " " + strings.Join(vcs, ", ")
	}
	if bi.GoVersion != "" {
		line += " " + bi.GoVersion
	}
	return line
}

// shortRevision abbreviates a commit hash the way git does by default.
func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
