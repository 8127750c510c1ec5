package deploy

import (
	"regexp"
	"strings"
)

// imageRef is a parsed image reference host/path:tag@digest.
type imageRef struct {
	host   string   // registry host, "" for Docker Hub short names
	path   []string // repository path components, e.g. [powerjob powerjob-server]
	tag    string
	digest string
}

// parseImage splits an image reference. It does not validate: callers check
// the parts they rely on.
func parseImage(image string) imageRef {
	var ref imageRef
	s := strings.TrimSpace(image)
	if i := strings.IndexByte(s, '@'); i >= 0 {
		s, ref.digest = s[:i], s[i+1:]
	}
	// The tag follows the last ':' after the last '/' (a ':' before it is a
	// registry port).
	if i := strings.LastIndexByte(s, ':'); i > strings.LastIndexByte(s, '/') {
		s, ref.tag = s[:i], s[i+1:]
	}
	parts := strings.Split(s, "/")
	if len(parts) > 1 && isRegistryHost(parts[0]) {
		ref.host, parts = parts[0], parts[1:]
	}
	ref.path = parts
	return ref
}

// isRegistryHost applies Docker's rule: the first component is a host when
// it contains a '.' or a ':' or is "localhost".
func isRegistryHost(s string) bool {
	return strings.ContainsAny(s, ".:") || s == "localhost"
}

// name returns the last path component (lower case).
func (r imageRef) name() string {
	if len(r.path) == 0 {
		return ""
	}
	return strings.ToLower(r.path[len(r.path)-1])
}

// IsServerImage reports whether image runs a PowerJob server: any repository
// whose name ends with "powerjob-server" (powerjob/powerjob-server,
// ruoyi/ruoyi-powerjob-server, tjqq/powerjob-server, a registry mirror of
// any of them), with or without tag or digest. powerjob-worker,
// powerjob-agent and powerjob-server-mysql are not servers.
func IsServerImage(image string) bool {
	return strings.HasSuffix(parseImage(image).name(), "powerjob-server")
}

// validTag is Docker's tag grammar.
var validTag = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$`)

// OfficialServerVersion returns the tag of an official PowerJob server image
// — powerjob/powerjob-server on Docker Hub or any registry host, including a
// mirror's proxy path (harbor.example.com/dockerhub/powerjob/powerjob-server).
// ok is false for "latest", a missing tag, a digest without tag, a tag that
// is not literal (${TAG}, a template) and for any other repository: a
// custom image's tag says nothing about the PowerJob version inside.
func OfficialServerVersion(image string) (version string, ok bool) {
	ref := parseImage(image)
	if !isOfficialServerPath(ref) {
		return "", false
	}
	if ref.tag == "" || strings.EqualFold(ref.tag, "latest") || !validTag.MatchString(ref.tag) {
		return "", false
	}
	return ref.tag, true
}

// isOfficialServerPath: the path ends with powerjob/powerjob-server; extra
// leading components are only allowed after a registry host (proxy paths).
func isOfficialServerPath(ref imageRef) bool {
	n := len(ref.path)
	if n < 2 || strings.ToLower(ref.path[n-2]) != "powerjob" || ref.name() != "powerjob-server" {
		return false
	}
	return n == 2 || ref.host != ""
}
