// Package deploy reads deployment descriptors — docker-compose files,
// Kubernetes manifests and Dockerfiles — and turns each into the containers it
// runs: image, environment, command-line arguments and mounted config files,
// all with source positions.
//
// The package knows nothing about Spring or PowerJob settings: the config
// checker core interprets env vars and arguments. The only PowerJob knowledge
// here is how to recognise a PowerJob server image (image.go).
//
// Every parser is bounded (input size, YAML depth and alias expansion), never
// panics, and reports malformed input as a *source.Error with line and column.
package deploy

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// Container kinds, the values of Container.Kind.
const (
	KindCompose    = "compose"
	KindKubernetes = "kubernetes"
	KindDockerfile = "dockerfile"
)

// Container is one process a descriptor runs.
type Container struct {
	File string // the file that defines it
	Kind string // KindCompose, KindKubernetes or KindDockerfile
	// Name is the compose service, "<workload>/<container>" for Kubernetes,
	// or the Dockerfile's final stage name ("" when unnamed).
	Name string
	// Image is the image reference after interpolation; "" for a compose
	// service with only `build:`. For a Dockerfile it is the final stage's
	// FROM image (with ARG defaults substituted); a FROM naming an earlier
	// stage is resolved to that stage's image.
	Image    string
	ImagePos source.Pos
	// ImageUnknown is set when the image reference contains a variable
	// without a default (e.g. "powerjob/powerjob-server:${TAG}", a Dockerfile
	// ARG without default) or template syntax ({{ }}); Image then keeps that
	// text as written.
	ImageUnknown bool
	// BuildDockerfile is the Dockerfile of a compose service's `build:`
	// (slash path: the compose file's dir joined with context and dockerfile).
	BuildDockerfile string
	// Env holds environment entries in order: compose map or list form,
	// Kubernetes env, Dockerfile ENV.
	Env []EnvVar
	// EnvFiles are compose `env_file` paths (slash, joined to the compose
	// file's dir); the core may read them.
	EnvFiles []string
	// EnvFromConfigMaps are the ConfigMaps named by Kubernetes envFrom.
	// When such a ConfigMap is defined in the same file its data entries are
	// also in Env (before the container's own env, which overrides them).
	EnvFromConfigMaps []string
	// EnvFromSecrets are the Secrets named by Kubernetes envFrom: variables
	// whose names and values are not in the repository.
	EnvFromSecrets []string
	// Args are the process's command-line words in the order the process
	// receives them: entrypoint first (compose `entrypoint`, k8s `command`,
	// Dockerfile ENTRYPOINT), then the command (compose `command`, k8s `args`,
	// Dockerfile CMD). Shell-form strings are split with SplitArgs, and so
	// is the script of an exec-form `sh -c "<script>"`. See Arg.Pos for
	// positions.
	Args []Arg
	// Entrypoint and Command are the same words split by origin and before
	// any script splitting: the entrypoint (compose `entrypoint`, k8s
	// `command`, Dockerfile ENTRYPOINT; a shell-form Dockerfile instruction
	// is ["/bin/sh", "-c", text]) and the command (compose `command`, k8s
	// `args`, Dockerfile CMD). EntrypointSet/CommandSet say whether the
	// descriptor sets them at all: an entrypoint that is set replaces the
	// image's and drops the image's CMD, even when empty. The core decides
	// from them which words reach the program (see the official image's
	// `sh -c` entrypoint, where a command becomes $0 $1… of the shell).
	Entrypoint, Command       []Arg
	EntrypointSet, CommandSet bool
	// DotEnvVars are the variables of the compose project's .env that the
	// service definition used (ParseComposeWithVars).
	DotEnvVars []string
	// WorkingDir is compose `working_dir`, k8s `workingDir` or the final
	// Dockerfile WORKDIR; "" when the descriptor does not set it.
	WorkingDir string
	// Mounts are compose bind mounts (short and long syntax) and Kubernetes
	// volumeMounts backed by ConfigMaps.
	Mounts []Mount
	// Hosts are the names a compose service answers to on its networks
	// besides its service name (container_name, hostname, aliases); Kubernetes
	// containers are reached through Services (see Endpoint).
	Hosts []string
	// Namespace (metadata.namespace as written, "" when not set) and Labels
	// (the pod template's labels, matched by Service selectors) of a
	// Kubernetes workload.
	Namespace string
	Labels    map[string]string
}

// EnvVar is one environment entry. Pos is the line of its key (for a
// multi-line value, the line where the entry starts).
type EnvVar struct {
	Name, Value string
	Pos         source.Pos
	// Unknown: the value cannot be fully known from the repository
	// (Kubernetes valueFrom, a compose `- KEY` without value, or an
	// unresolved reference). Value then keeps what is known: resolvable
	// references substituted, unresolved ones as written.
	Unknown bool
	// Unresolved lists the references kept as written in Value ("${TAG}",
	// "$(DB_PASSWORD)"), so that Words can tell which words they affect.
	Unresolved []string
}

// Words splits the value shell-like (as SplitArgs) into Args at the entry's
// position, for PARAMS/JVMOPTIONS-style variables. A word is Unknown when it
// contains an unresolved reference, or when the whole value is unknown
// without one (valueFrom, a key without value).
func (v EnvVar) Words() []Arg {
	var out []Arg
	for _, w := range SplitArgs(v.Value) {
		unknown := v.Unknown && len(v.Unresolved) == 0
		for _, ref := range v.Unresolved {
			unknown = unknown || strings.Contains(w, ref)
		}
		out = append(out, Arg{Text: w, Pos: v.Pos, Unknown: unknown})
	}
	return out
}

// Arg is one command-line word.
type Arg struct {
	Text string
	// Pos is the word's own position where it can be computed exactly (a
	// plain one-line YAML scalar, a Dockerfile instruction), else the
	// position of the YAML scalar or list item it comes from.
	Pos source.Pos
	// Unknown: the word contains a variable that cannot be resolved from the
	// repository (compose ${VAR} without default, Kubernetes $(VAR) of a
	// valueFrom variable); Text keeps the reference as written.
	Unknown bool
}

// Mount is a file or directory mounted into a container.
type Mount struct {
	// Source is the host path joined to the compose file's dir (slash path),
	// or "configmap:<name>" for a Kubernetes ConfigMap volume.
	Source string
	Target string // path inside the container
	// SubPath is a Kubernetes volumeMount subPath (the ConfigMap key mounted
	// as a single file), "" otherwise.
	SubPath string
	Pos     source.Pos
}

// EmbeddedFile is a config file carried inside a manifest, e.g. a Kubernetes
// ConfigMap's data key "application.properties: |". The core parses Data
// with springconf and adds LineOffset to line numbers: line N of Data is line
// N+LineOffset of File. Columns in Data are relative to the block's
// indentation; ColOffset is the number of bytes to add to get the file
// column.
//
// Only a literal block scalar ("key: |") maps line for line; for any other
// style (quoted, folded, plain) Exact is false and positions inside Data are
// approximate — report at KeyPos instead.
type EmbeddedFile struct {
	Name       string // data key, e.g. "application.properties"
	Data       []byte
	File       string
	LineOffset int
	ColOffset  int
	Exact      bool
	KeyPos     source.Pos // the data key's position
	ConfigMap  string     // metadata.name of the ConfigMap
}
