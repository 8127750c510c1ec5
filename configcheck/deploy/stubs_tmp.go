package deploy

import "github.com/twice-lint/twice/configcheck/source"

var errTODO = source.Errorf(source.Pos{}, "not implemented")

// ParseCompose parses a docker-compose file into one Container per service.
func ParseCompose(path string, data []byte) ([]Container, error) { return nil, errTODO }

// ParseKubernetes parses a (multi-document) Kubernetes manifest. It returns
// (nil, nil, nil) when data is not a Kubernetes manifest.
func ParseKubernetes(path string, data []byte) ([]Container, []EmbeddedFile, error) {
	return nil, nil, errTODO
}

// ParseDockerfile parses a Dockerfile; the final stage is the container.
func ParseDockerfile(path string, data []byte) ([]Container, error) { return nil, errTODO }

// LooksLikeKubernetes reports whether data has top-level apiVersion and kind keys.
func LooksLikeKubernetes(data []byte) bool { return false }

// IsComposeFile reports whether the base name is docker-compose*.y*ml or compose*.y*ml.
func IsComposeFile(path string) bool { return false }

// IsDockerfile reports whether the base name is Dockerfile, Dockerfile.* or *.Dockerfile.
func IsDockerfile(path string) bool { return false }

// SplitArgs splits s shell-like: quotes, backslash escapes and continuations.
func SplitArgs(s string) []string { return nil }

// IsServerImage reports whether the image repository name ends with "powerjob-server".
func IsServerImage(image string) bool { return false }

// OfficialServerVersion returns the tag of an official powerjob/powerjob-server image.
func OfficialServerVersion(image string) (version string, ok bool) { return "", false }
