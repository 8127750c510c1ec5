package deploy

import (
	"bytes"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/configcheck/source"
)

// ParseCompose parses a docker compose file into one Container per service,
// in file order. Values are interpolated like compose does, except that no
// variable is known (the shell and .env are not part of the repository):
// ${VAR:-default} and ${VAR-default} give the default, a bare ${VAR} makes the
// value unknown, $$ is a literal $. `x-` extension fields, anchors and `<<`
// merges are supported. A file containing Go template syntax ({{) that is not
// valid YAML gives (nil, nil).
func ParseCompose(file string, data []byte) ([]Container, error) {
	return parseCompose(file, data, composeExpander(), nil)
}

// ParseComposeWithVars is ParseCompose with the variables of the compose
// project's committed .env file known: ${VAR} and ${VAR:-default} take
// their value from vars when it sets them (other variables stay unknown,
// as in ParseCompose). Each Container's DotEnvVars lists the variables of
// vars its service definition used.
func ParseComposeWithVars(file string, data []byte, vars map[string]string) ([]Container, error) {
	var used map[string]bool
	x := expander{dollarEscape: true, lookup: func(name string) (string, varState) {
		if v, ok := vars[name]; ok {
			if used != nil {
				used[name] = true
			}
			return v, varSet
		}
		return "", varUnknown
	}}
	return parseCompose(file, data, x, func(svc func() Container) Container {
		used = map[string]bool{}
		c := svc()
		for name := range used {
			c.DotEnvVars = append(c.DotEnvVars, name)
		}
		slices.Sort(c.DotEnvVars)
		used = nil
		return c
	})
}

func parseCompose(file string, data []byte, x expander, wrap func(func() Container) Container) ([]Container, error) {
	docs, err := decodeYAML(file, data)
	if err != nil {
		if isTemplate(data) {
			return nil, nil
		}
		return nil, err
	}
	if len(docs) == 0 {
		return nil, nil
	}
	p := composeParser{w: newWalker(file), file: file, dir: path.Dir(toSlash(file)), x: x, wrap: wrap}
	containers, err := p.parse(docs[0])
	if p.w.err != nil {
		return nil, p.w.err
	}
	return containers, err
}

// isTemplate reports whether data looks like a Go/Helm template.
func isTemplate(data []byte) bool { return bytes.Contains(data, []byte("{{")) }

// composeParser holds the state of one ParseCompose call.
type composeParser struct {
	w    *walker
	file string
	dir  string // the compose file's directory, for relative paths
	x    expander
	// wrap, when set, is called around each service's parse (to record the
	// variables it uses).
	wrap func(func() Container) Container
	// configs maps top-level `configs:` names to their `file:` (joined).
	configs map[string]string
}

func (p *composeParser) parse(doc *yaml.Node) ([]Container, error) {
	root := p.w.resolve(doc)
	if root == nil || root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, source.Errorf(p.w.pos(root), "compose file: top level is %s, want a mapping", describe(root))
	}
	p.configs = p.topLevelConfigs(root)
	services := p.w.get(root, "services")
	if services == nil {
		services = legacyServices(p.w, root)
	}
	if services == nil || services.Tag == "!!null" {
		return nil, nil
	}
	if services.Kind != yaml.MappingNode {
		return nil, source.Errorf(p.w.pos(services), "compose file: services is %s, want a mapping", describe(services))
	}
	var out []Container
	for _, svc := range p.w.mapping(services) {
		if strings.HasPrefix(svc.Key.Value, "x-") || svc.Value == nil || svc.Value.Kind != yaml.MappingNode {
			continue
		}
		name, node := svc.Key.Value, svc.Value
		parse := func() Container { return p.service(name, node) }
		if p.wrap != nil {
			out = append(out, p.wrap(parse))
		} else {
			out = append(out, parse())
		}
	}
	return out, nil
}

// legacyServices supports the version-1 format, where services are
// top-level keys. It only applies when the root has neither `services` nor
// `version` and some top-level entry has `image` or `build`.
func legacyServices(w *walker, root *yaml.Node) *yaml.Node {
	if w.get(root, "version") != nil {
		return nil
	}
	for _, e := range w.mapping(root) {
		if w.get(e.Value, "image") != nil || w.get(e.Value, "build") != nil {
			return root
		}
	}
	return nil
}

// topLevelConfigs reads `configs: {name: {file: path}}`.
func (p *composeParser) topLevelConfigs(root *yaml.Node) map[string]string {
	out := map[string]string{}
	for _, c := range p.w.mapping(p.w.get(root, "configs")) {
		if f, ok := scalar(p.w.get(c.Value, "file")); ok {
			if v, unk := p.x.expand(f); !unk {
				out[c.Key.Value] = joinPath(p.dir, v)
			}
		}
	}
	return out
}

func (p *composeParser) service(name string, svc *yaml.Node) Container {
	c := Container{File: p.file, Kind: KindCompose, Name: name, Hosts: p.composeHosts(svc)}
	if n := p.w.get(svc, "image"); n != nil {
		if s, ok := scalar(n); ok {
			c.Image, c.ImageUnknown = p.x.expand(s)
			c.ImageUnknown = c.ImageUnknown || isTemplate([]byte(s))
			c.ImagePos = p.w.pos(n)
		}
	}
	c.BuildDockerfile = p.buildDockerfile(p.w.get(svc, "build"))
	c.Env = p.environment(p.w.get(svc, "environment"))
	c.EnvFiles = p.envFiles(p.w.get(svc, "env_file"))
	c.Args = append(p.command(p.w.get(svc, "entrypoint")), p.command(p.w.get(svc, "command"))...)
	c.Entrypoint, c.EntrypointSet = p.rawCommand(p.w.get(svc, "entrypoint"))
	c.Command, c.CommandSet = p.rawCommand(p.w.get(svc, "command"))
	if s, ok := scalar(p.w.get(svc, "working_dir")); ok {
		if v, unk := p.x.expand(s); !unk {
			c.WorkingDir = v
		}
	}
	c.Mounts = append(p.volumes(p.w.get(svc, "volumes")), p.configMounts(p.w.get(svc, "configs"))...)
	return c
}

// buildDockerfile resolves `build: ./dir` or `build: {context, dockerfile}`
// to the Dockerfile path. Remote contexts (git URLs) and inline Dockerfiles
// give "".
func (p *composeParser) buildDockerfile(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	context, dockerfile := ".", "Dockerfile"
	if s, ok := scalar(n); ok {
		context = s
	} else if n.Kind == yaml.MappingNode {
		if s, ok := scalar(p.w.get(n, "context")); ok {
			context = s
		}
		if s, ok := scalar(p.w.get(n, "dockerfile")); ok {
			dockerfile = s
		}
	} else {
		return ""
	}
	context, unk1 := p.x.expand(context)
	dockerfile, unk2 := p.x.expand(dockerfile)
	if unk1 || unk2 || strings.Contains(context, "://") || strings.HasPrefix(context, "git@") {
		return ""
	}
	return joinPath(joinPath(p.dir, context), dockerfile)
}

// environment reads the map form (KEY: value) or list form (- KEY=value,
// - KEY). A key without value is passed through from the shell: unknown.
func (p *composeParser) environment(n *yaml.Node) []EnvVar {
	if n == nil {
		return nil
	}
	var env []EnvVar
	if n.Kind == yaml.MappingNode {
		for _, e := range p.w.mapping(n) {
			v := EnvVar{Name: e.Key.Value, Pos: p.w.pos(e.Key)}
			if s, ok := scalar(e.Value); ok {
				v.Value, v.Unresolved = p.x.expandRefs(s)
				v.Unknown = len(v.Unresolved) > 0
			} else {
				v.Unknown = true
			}
			env = append(env, v)
		}
		return env
	}
	for _, item := range p.w.items(n) {
		s, ok := scalar(item)
		if !ok {
			continue
		}
		v := EnvVar{Pos: p.w.pos(item)}
		name, value, hasValue := strings.Cut(s, "=")
		v.Name = strings.TrimSpace(name)
		if hasValue {
			v.Value, v.Unresolved = p.x.expandRefs(value)
			v.Unknown = len(v.Unresolved) > 0
		} else {
			v.Unknown = true
		}
		env = append(env, v)
	}
	return env
}

// envFiles reads `env_file` as a string, a list of strings or a list of
// {path, required} mappings.
func (p *composeParser) envFiles(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	nodes := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		nodes = p.w.items(n)
	}
	var out []string
	for _, item := range nodes {
		s, ok := scalar(item)
		if !ok {
			s, ok = scalar(p.w.get(item, "path"))
		}
		if !ok {
			continue
		}
		if v, unk := p.x.expand(s); !unk {
			out = append(out, joinPath(p.dir, v))
		}
	}
	return out
}

// command reads `command`/`entrypoint`: a shell-form string (split) or an
// exec-form list (one argument per item, `sh -c` scripts split).
func (p *composeParser) command(n *yaml.Node) []Arg {
	if n == nil {
		return nil
	}
	if s, ok := scalar(n); ok {
		return p.shellForm(n, s)
	}
	var args []Arg
	for _, item := range p.w.items(n) {
		if s, ok := scalar(item); ok {
			text, unk := p.x.expand(s)
			args = append(args, Arg{Text: text, Pos: p.w.pos(item), Unknown: unk})
		}
	}
	return expandShellScript(args)
}

// rawCommand reads `command`/`entrypoint` as the process receives it:
// a string is split into words (compose does so without a shell), a list is
// taken item by item; `sh -c` scripts stay one word. set reports whether
// the key is present (an empty value still replaces the image's).
func (p *composeParser) rawCommand(n *yaml.Node) (args []Arg, set bool) {
	if n == nil {
		return nil, false
	}
	if n.Tag == "!!null" {
		return nil, true
	}
	if s, ok := scalar(n); ok {
		return p.shellForm(n, s), true
	}
	for _, item := range p.w.items(n) {
		if s, ok := scalar(item); ok {
			text, unk := p.x.expand(s)
			args = append(args, Arg{Text: text, Pos: p.w.pos(item), Unknown: unk})
		}
	}
	return args, true
}

// shellForm splits a string command. Compose interpolates before splitting;
// when a variable is unknown we split the raw text instead and interpolate
// word by word, so that only the words holding the variable are unknown.
func (p *composeParser) shellForm(n *yaml.Node, s string) []Arg {
	text, unk := p.x.expand(s)
	if !unk {
		return p.w.scalarArgs(n, text, false)
	}
	args := p.w.scalarArgs(n, s, false)
	for i := range args {
		args[i].Text, args[i].Unknown = p.x.expand(args[i].Text)
	}
	return args
}

// volumes reads bind mounts in short ("./conf:/config:ro") and long
// ({type: bind, source, target}) syntax. Named volumes are not files in the
// repository and are skipped.
func (p *composeParser) volumes(n *yaml.Node) []Mount {
	var out []Mount
	for _, item := range p.w.items(n) {
		var src, target string
		if s, ok := scalar(item); ok {
			src, target = splitVolume(s)
		} else if item.Kind == yaml.MappingNode {
			typ, _ := scalar(p.w.get(item, "type"))
			if typ != "" && typ != "bind" {
				continue
			}
			src, _ = scalar(p.w.get(item, "source"))
			target, _ = scalar(p.w.get(item, "target"))
		}
		src, unk1 := p.x.expand(src)
		target, unk2 := p.x.expand(target)
		if unk1 || unk2 || target == "" || !isHostPath(src) {
			continue
		}
		if !strings.HasPrefix(src, "~") { // a home directory is outside the repository
			src = joinPath(p.dir, src)
		}
		out = append(out, Mount{Source: src, Target: target, Pos: p.w.pos(item)})
	}
	return out
}

// splitVolume splits "source:target[:mode]".
func splitVolume(s string) (src, target string) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 {
		return "", "" // an anonymous volume
	}
	return parts[0], parts[1]
}

// isHostPath: compose treats a source starting with . / or ~ as a host path;
// anything else is a named volume.
func isHostPath(s string) bool {
	return strings.HasPrefix(s, ".") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~")
}

// configMounts reads service `configs:` (short: name, mounted at /<name>;
// long: {source, target}) backed by a top-level config with `file:`.
func (p *composeParser) configMounts(n *yaml.Node) []Mount {
	var out []Mount
	for _, item := range p.w.items(n) {
		name, ok := scalar(item)
		target := ""
		if !ok {
			name, _ = scalar(p.w.get(item, "source"))
			target, _ = scalar(p.w.get(item, "target"))
		}
		file, known := p.configs[name]
		if !known {
			continue
		}
		if target == "" {
			target = "/" + name
		}
		out = append(out, Mount{Source: file, Target: target, Pos: p.w.pos(item)})
	}
	return out
}
