package configcheck

import (
	"fmt"
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/source"
)

// Compose files other than the default pair (docker-compose.prod.yml,
// compose.staging.yaml…) are used with `docker compose -f base -f other`:
// nothing says when. A service they change keeps its own finding, and the
// finding names them as related information, since the deployed settings
// may come from there. The service with the file applied is judged too: when
// that leaves auth off (or unknown) while the service alone does not, it is
// a server of its own ("compose service X with docker-compose.prod.yml").

// isOverlayService reports whether c is a service of a non-default compose
// file that changes a service of the same name in a default compose file of
// its directory.
func isOverlayService(cs []deploy.Container, c deploy.Container) bool {
	if c.Kind != deploy.KindCompose || isDefaultComposeFile(c.File) {
		return false
	}
	for _, b := range cs {
		if b.Kind == deploy.KindCompose && b.Name == c.Name && path.Dir(b.File) == path.Dir(c.File) && isDefaultComposeFile(b.File) {
			return true
		}
	}
	return false
}

// overlayServers judges a compose service with each non-default compose
// file of its directory applied, and keeps those that leave OpenAPI auth
// off or unknown while the service alone enables it.
func overlayServers(inv *inventory, base *server, c deploy.Container, built *deploy.Container, consumed map[*springFile]bool) []*server {
	if c.Kind != deploy.KindCompose || !isDefaultComposeFile(c.File) || base.evaluate().state != stateEnabled {
		return nil
	}
	var out []*server
	for _, o := range inv.containers {
		if o.Kind != deploy.KindCompose || o.Name != c.Name || path.Dir(o.File) != path.Dir(c.File) || isDefaultComposeFile(o.File) {
			continue
		}
		ms := containerServer(inv, overlayService(c, o), built, consumed)
		if ms == nil || ms.evaluate().state == stateEnabled {
			continue
		}
		ms.desc = fmt.Sprintf("compose service %s with %s (docker compose -f %s -f %s)", c.Name, path.Base(o.File), path.Base(c.File), path.Base(o.File))
		out = append(out, ms)
	}
	return out
}

// isDefaultComposeFile reports whether p is a file docker compose reads
// without -f: the base file or its default override.
func isDefaultComposeFile(p string) bool {
	if _, ok := composeOverrideBase(p); ok {
		return true
	}
	return isComposeBase(p, "docker-compose") || isComposeBase(p, "compose")
}

// overlaysOf lists what the non-default compose files of a service's
// directory set for a service of the same name.
func overlaysOf(cs []deploy.Container, c deploy.Container) []Related {
	if c.Kind != deploy.KindCompose || !isDefaultComposeFile(c.File) {
		return nil
	}
	var out []Related
	for _, o := range cs {
		if o.Kind != deploy.KindCompose || o.Name != c.Name || o.File == c.File || path.Dir(o.File) != path.Dir(c.File) || isDefaultComposeFile(o.File) {
			continue
		}
		what, pos := overlaySettings(o)
		if len(what) == 0 || len(out) >= maxStartRelated {
			continue
		}
		out = append(out, Related{
			Message:  fmt.Sprintf("%s (used with docker compose -f) also sets this service's %s: the deployed settings may come from there", path.Base(o.File), strings.Join(what, ", ")),
			Location: locationOf(pos),
		})
	}
	return out
}

// overlaySettings names the settings an overlay service changes, with the
// position of the first.
func overlaySettings(o deploy.Container) ([]string, source.Pos) {
	var what []string
	first := source.Pos{File: o.File, Line: 1, Col: 1}
	note := func(name string, p source.Pos) {
		if len(what) == 0 && p.IsValid() {
			first = p
		}
		what = append(what, name)
	}
	if strings.TrimSpace(o.Image) != "" {
		note("image", o.ImagePos)
	}
	if len(o.Env) > 0 {
		note("environment", o.Env[0].Pos)
	}
	if o.EntrypointSet || o.CommandSet {
		var p source.Pos
		if len(o.Entrypoint) > 0 {
			p = o.Entrypoint[0].Pos
		} else if len(o.Command) > 0 {
			p = o.Command[0].Pos
		}
		note("command", p)
	}
	if len(o.Mounts) > 0 {
		note("volumes", o.Mounts[0].Pos)
	}
	if len(o.EnvFiles) > 0 {
		note("env_file", source.Pos{})
	}
	return what, first
}
