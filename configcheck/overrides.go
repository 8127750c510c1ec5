package configcheck

import (
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
)

// Compose reads docker-compose.override.yml (compose.override.yaml…) on top
// of docker-compose.yml in the same directory by default, merging services
// by name. Without the merge, a base file that only names the image would be
// judged on its own ("auth not set, default false") although the override
// next to it enables auth.

// composeOverrideBase returns the base name stem an override file extends:
// "docker-compose" for docker-compose.override.yml, "compose" for
// compose.override.yaml; ok is false for any other file.
func composeOverrideBase(p string) (stem string, ok bool) {
	base := path.Base(p)
	for _, ext := range []string{".yml", ".yaml"} {
		for _, s := range []string{"docker-compose", "compose"} {
			if base == s+".override"+ext {
				return s, true
			}
		}
	}
	return "", false
}

// isComposeBase reports whether p is the default compose file with the given
// stem (docker-compose.yml / docker-compose.yaml, compose.yml / compose.yaml).
func isComposeBase(p, stem string) bool {
	base := path.Base(p)
	return base == stem+".yml" || base == stem+".yaml"
}

// mergeComposeOverrides merges each service of a default override file into
// the service of the same name in the base file of its directory; an
// override service without a base counterpart stays a container of its own.
// Order is kept (the merged service takes the base service's place).
func mergeComposeOverrides(cs []deploy.Container) []deploy.Container {
	out := make([]deploy.Container, 0, len(cs))
	var overrides []deploy.Container
	for _, c := range cs {
		if _, ok := composeOverrideBase(c.File); ok && c.Kind == deploy.KindCompose {
			overrides = append(overrides, c)
			continue
		}
		out = append(out, c)
	}
	for _, o := range overrides {
		stem, _ := composeOverrideBase(o.File)
		i := slices.IndexFunc(out, func(c deploy.Container) bool {
			return c.Kind == deploy.KindCompose && c.Name == o.Name &&
				path.Dir(c.File) == path.Dir(o.File) && isComposeBase(c.File, stem)
		})
		if i < 0 {
			out = append(out, o)
			continue
		}
		out[i] = overlayService(out[i], o)
	}
	return out
}

// overlayService applies compose's merge rules for the fields the checker
// reads: single values (image, build, command/entrypoint) and environment
// variables set again are replaced, volumes and env files are added.
func overlayService(base, o deploy.Container) deploy.Container {
	if strings.TrimSpace(o.Image) != "" {
		base.Image, base.ImagePos, base.ImageUnknown = o.Image, o.ImagePos, o.ImageUnknown
	}
	if o.BuildDockerfile != "" {
		base.BuildDockerfile = o.BuildDockerfile
	}
	if len(o.Args) > 0 {
		base.Args = o.Args
	}
	if o.EntrypointSet {
		base.Entrypoint, base.EntrypointSet = o.Entrypoint, true
	}
	if o.CommandSet {
		base.Command, base.CommandSet = o.Command, true
	}
	if o.WorkingDir != "" {
		base.WorkingDir = o.WorkingDir
	}
	base.DotEnvVars = append(slices.Clone(base.DotEnvVars), o.DotEnvVars...)
	// A variable set again replaces the base value as a whole (a PARAMS
	// string is not merged word by word).
	env := slices.DeleteFunc(slices.Clone(base.Env), func(v deploy.EnvVar) bool {
		return slices.ContainsFunc(o.Env, func(w deploy.EnvVar) bool { return w.Name == v.Name })
	})
	base.Env = append(env, o.Env...)
	base.EnvFiles = append(slices.Clone(base.EnvFiles), o.EnvFiles...)
	base.Mounts = append(slices.Clone(base.Mounts), o.Mounts...)
	return base
}
