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

// versionTag is the form of the official image's release tags, which are
// the PowerJob release versions themselves: a numeric major.minor[.patch…]
// with an optional qualifier (4.3.9, 5.0.1-beta, 5.1.0-bugfix, 4.3.9-arm64).
// At least major.minor is required, so that a date or build-number tag
// (20240801, 1337) is not read as a version far above every release.
var versionTag = regexp.MustCompile(`^[0-9]+(\.[0-9]+)+(-[A-Za-z0-9][A-Za-z0-9._-]*)?$`)

// maxTagLen is Docker's limit on a tag's length.
const maxTagLen = 128

// OfficialServerVersion returns the PowerJob version of an official server
// image — powerjob/powerjob-server on Docker Hub or any registry host,
// including a mirror's proxy path
// (harbor.example.com/dockerhub/powerjob/powerjob-server) — read from its
// tag. ok is true only when the tag parses as a version (see versionTag):
// 5.1.0 and 5.1.0-bugfix give a version; "latest", named tags (test_env,
// nightly, latest-arm), a missing tag, a digest without tag and a tag that is
// not literal (${TAG}, a template) do not. A "v" prefix (v5.1.0) is not
// accepted either: PowerJob publishes its images under the bare version, so
// such a tag was built by someone else and its content is not known. Any
// other repository gives no version: a custom image's tag says nothing about
// the PowerJob version inside.
func OfficialServerVersion(image string) (version string, ok bool) {
	ref := parseImage(image)
	if !isOfficialServerPath(ref) {
		return "", false
	}
	if len(ref.tag) > maxTagLen || !versionTag.MatchString(ref.tag) {
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

// IsOfficialServerImage reports whether image is the official
// powerjob/powerjob-server image (any registry or proxy path, any tag), whose
// entrypoint is known: sh -c "java $JVMOPTIONS -jar /powerjob-server.jar
// $PARAMS" with working directory /.
func IsOfficialServerImage(image string) bool {
	return isOfficialServerPath(parseImage(image))
}

// ImageName returns the last path component of an image reference, lower
// case, without tag or digest ("ruoyi-powerjob-server" for
// ruoyi/ruoyi-powerjob-server:5.2.3).
func ImageName(image string) string { return parseImage(image).name() }
