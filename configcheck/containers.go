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

// containerServers builds a server for every container whose image is a
// PowerJob server image. Dockerfiles that a compose service builds (by
// `build:`, or named like its image) are merged into that service; the
// remaining Dockerfiles are servers of their own.
func containerServers(inv *inventory, consumed map[*springFile]bool) []*server {
	var out []*server
	built := map[string]bool{}
	for _, c := range inv.containers {
		if isOverlayService(inv.containers, c) {
			continue // judged merged into its base service (overlayServer)
		}
		var df *deploy.Container
		if c.BuildDockerfile != "" {
			if d, ok := inv.dockerfiles[path.Clean(c.BuildDockerfile)]; ok {
				built[path.Clean(c.BuildDockerfile)] = true
				c, df = mergeBuild(c, d), &d
			}
		} else if deploy.IsServerImage(c.Image) {
			if p, d, ok := inv.dockerfileFor(c.Image); ok {
				built[p] = true
				c.Env, df = append(slices.Clone(d.Env), c.Env...), &d
			}
		}
		if s := containerServer(inv, c, df, consumed); s != nil {
			out = append(out, s)
			out = append(out, overlayServers(inv, s, c, df, consumed)...)
		}
	}
	for _, p := range inv.dfOrder {
		if built[p] {
			continue
		}
		if s := containerServer(inv, inv.dockerfiles[p], nil, consumed); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// mergeBuild gives a compose service that builds a Dockerfile the image and
// ENV of that Dockerfile; the service's own settings win. The Dockerfile's
// ENTRYPOINT/CMD/WORKDIR are applied by launchOf.
func mergeBuild(c, df deploy.Container) deploy.Container {
	if c.Image == "" || !deploy.IsServerImage(c.Image) {
		c.Image, c.ImagePos, c.ImageUnknown = df.Image, df.ImagePos, df.ImageUnknown
	}
	c.Env = append(slices.Clone(df.Env), c.Env...)
	return c
}

func containerServer(inv *inventory, c deploy.Container, built *deploy.Container, consumed map[*springFile]bool) *server {
	if !deploy.IsServerImage(c.Image) {
		return nil
	}
	s := &server{desc: containerDesc(c), anchor: c.ImagePos, image: c.Image, container: &c}
	if !c.ImageUnknown {
		if v, ok := deploy.OfficialServerVersion(c.Image); ok {
			s.version, s.versionFrom = v, c.ImagePos
		}
	}
	if !s.anchor.IsValid() {
		s.anchor = source.Pos{File: c.File, Line: 1, Col: 1}
	}
	c, missing := inv.files.withEnvFiles(c)
	jl := launchOf(inv, c, built)
	sure, maybe := containerLayers(c, jl)
	if len(missing) > 0 {
		layerOf(sure, srcEnv).wildcard = describeMissingEnvFiles(missing)
	}
	s.props.fixed = withApplicationJSON(sure)
	s.props.files, s.startRelated = mountedFiles(inv, c, jl, s.props.fixed, consumed)
	s.startRelated = append(s.startRelated, ignoredWords(c, jl)...)
	s.unsetNote = ignoredAuthSetting(c, jl)
	note, rel := inv.dotEnvNotes(c)
	s.winnerNote, s.winnerNoteFile = note, c.File
	s.startRelated = append(s.startRelated, rel...)
	s.startRelated = append(s.startRelated, overlaysOf(inv.containers, c)...)
	if maybe != nil {
		alt := s.props
		if len(missing) > 0 {
			layerOf(maybe, srcEnv).wildcard = describeMissingEnvFiles(missing)
		}
		alt.fixed = withApplicationJSON(maybe)
		s.maybe = &alt
		s.maybeWhy = fmt.Sprintf("the image %s is not built in the repository, so its entrypoint is unknown and so is whether the container's command and PARAMS/JVMOPTIONS/JAVA_OPTS reach Spring", c.Image)
	}
	return s
}

func containerDesc(c deploy.Container) string {
	switch c.Kind {
	case deploy.KindCompose:
		return fmt.Sprintf("compose service %s (%s)", c.Name, c.File)
	case deploy.KindKubernetes:
		return fmt.Sprintf("Kubernetes container %s (%s)", c.Name, c.File)
	}
	return "Dockerfile " + c.File
}

// Environment variables that start scripts commonly expand into the command
// line. Only JAVA_TOOL_OPTIONS is read by the JVM itself.
var (
	paramsVars = []string{"PARAMS"}
	jvmVars    = []string{"JVMOPTIONS", "JAVA_OPTS", "JAVA_TOOL_OPTIONS"}
)

const javaToolOptions = "JAVA_TOOL_OPTIONS"

// containerLayers builds the args, JVM-options and environment sources of a
// container (indexed by sourceKind: srcArgs, srcJVM, srcEnv) from its java
// command line. When that line is unknown (an image whose entrypoint is not
// in the repository), maybe is the same with the words that may or may not
// reach Spring: the container's command and PARAMS/JVMOPTIONS/JAVA_OPTS.
func containerLayers(c deploy.Container, jl javaLine) (sure, maybe []layer) {
	args := layer{kind: srcArgs}
	jvm := layer{kind: srcJVM}
	env := layer{kind: srcEnv}
	for _, v := range c.Env {
		switch {
		case v.Name == javaToolOptions:
			addWords(&jvm, v, "-D", "JVM options")
		case slices.Contains(paramsVars, v.Name) || slices.Contains(jvmVars, v.Name):
			// read only through the start command
		default:
			if key, ok := springconf.EnvVarKey(v.Name); ok {
				env.settings = append(env.settings, setting{key: key, name: v.Name, value: v.Value, pos: v.Pos, unknown: v.Unknown})
			} else {
				// Not a property name, but ${NAME} placeholders may still use it.
				env.settings = append(env.settings, setting{name: v.Name, value: v.Value, pos: v.Pos, unknown: v.Unknown})
			}
		}
	}
	if jl.known {
		addLine(&args, jl.args, "--", jl.argsWild)
		addLine(&jvm, jl.jvm, "-D", jl.jvmWild)
		return []layer{args, jvm, env}, nil
	}
	sure = []layer{args, jvm, env}
	margs, mjvm := cloneLayer(args), cloneLayer(jvm)
	for _, a := range jl.args {
		if !addProp(&margs, "--", a) {
			addProp(&mjvm, "-D", a)
		}
	}
	for _, v := range c.Env {
		switch {
		case slices.Contains(paramsVars, v.Name):
			addWords(&margs, v, "--", "command-line arguments")
		case slices.Contains(jvmVars, v.Name) && v.Name != javaToolOptions:
			addWords(&mjvm, v, "-D", "JVM options")
		}
	}
	if len(margs.settings) == len(args.settings) && len(mjvm.settings) == len(jvm.settings) && margs.wildcard == "" && mjvm.wildcard == "" {
		return sure, nil
	}
	return sure, []layer{margs, mjvm, cloneLayer(env)}
}

func cloneLayer(l layer) layer {
	l.settings = slices.Clone(l.settings)
	return l
}

// addLine records the property words of a known command line.
func addLine(target *layer, words []deploy.Arg, prefix, wild string) {
	if wild != "" {
		target.wildcard = wild
	}
	for _, a := range words {
		if !addProp(target, prefix, a) && a.Unknown && target.wildcard == "" {
			target.wildcard = fmt.Sprintf("%s at %s is only known at deploy time", a.Text, posText(a.Pos))
		}
	}
}

// addWords splits a PARAMS/JVMOPTIONS-style value into words. A value that
// is wholly unknown (Kubernetes valueFrom, a compose `- PARAMS` without
// value) may set anything, and so may a word that is only a reference
// ("${EXTRA_PARAMS}"); a word whose key is written but whose value is not
// ("--spring.datasource.password=${DB_PASSWORD}") makes only that key
// unknown.
func addWords(target *layer, v deploy.EnvVar, prefix, what string) {
	wildcard := fmt.Sprintf("the %s in %s (%s) come from the deployment environment", what, v.Name, v.Pos)
	if v.Unknown && len(v.Unresolved) == 0 {
		target.wildcard = wildcard
		return
	}
	for _, w := range v.Words() {
		if !addProp(target, prefix, w) && w.Unknown && target.wildcard == "" {
			target.wildcard = wildcard
		}
	}
}

// addProp records one word with the given prefix ("--" for a Spring
// argument, "-D" for a JVM system property) as a setting. It reports
// whether the word set a key; a word whose key is not literal sets none.
func addProp(target *layer, prefix string, w deploy.Arg) bool {
	rest, ok := strings.CutPrefix(w.Text, prefix)
	if !ok {
		return false
	}
	k, v, _ := strings.Cut(rest, "=")
	if k == "" || (w.Unknown && strings.Contains(k, "$")) {
		return false
	}
	target.settings = append(target.settings, setting{key: springconf.CanonicalKey(k), name: prefix + k, value: v, pos: w.Pos, unknown: w.Unknown})
	return true
}

// maxStartRelated bounds the related locations about words that do not
// reach Spring.
const maxStartRelated = 3

// ignoredWords explains settings written where the known start command
// does not read them: command words given to `sh -c` as $0 $1…, and
// PARAMS/JVMOPTIONS/JAVA_OPTS the script does not expand.
func ignoredWords(c deploy.Container, jl javaLine) []Related {
	if !jl.known {
		return nil
	}
	var out []Related
	for _, a := range jl.ignored {
		if len(out) < maxStartRelated && (strings.HasPrefix(a.Text, "--") || strings.HasPrefix(a.Text, "-D")) {
			out = append(out, Related{
				Message:  fmt.Sprintf("%s never reaches Spring: %s receives it as a positional parameter ($0 $1…) and does not use it; set it in PARAMS (or replace the entrypoint)", a.Text, jl.how),
				Location: locationOf(a.Pos),
			})
		}
	}
	for _, v := range c.Env {
		if len(out) >= maxStartRelated || v.Name == javaToolOptions || jl.referenced[v.Name] || !(slices.Contains(paramsVars, v.Name) || slices.Contains(jvmVars, v.Name)) {
			continue
		}
		if strings.Contains(v.Value, "-D") || strings.Contains(v.Value, "--") {
			out = append(out, Related{
				Message:  fmt.Sprintf("%s is not read: %s does not expand it", v.Name, cmpOr(jl.how, "the start command")),
				Location: locationOf(v.Pos),
			})
		}
	}
	return out
}

// ignoredAuthSetting says, for the message, where the auth setting itself
// is written but never reaches Spring: a command word the entrypoint
// ignores, or a -D in a variable it does not expand.
func ignoredAuthSetting(c deploy.Container, jl javaLine) string {
	if !jl.known {
		return ""
	}
	for _, a := range jl.ignored {
		if setsAuth(a.Text, "--") || setsAuth(a.Text, "-D") {
			return fmt.Sprintf("%s at %s is passed to sh as a positional parameter and never reaches Spring", a.Text, posText(a.Pos))
		}
	}
	for _, v := range c.Env {
		if !slices.Contains(jvmVars, v.Name) || v.Name == javaToolOptions || jl.referenced[v.Name] {
			continue
		}
		for _, w := range v.Words() {
			if setsAuth(w.Text, "-D") {
				return fmt.Sprintf("%s in %s at %s is not read by the entrypoint", w.Text, v.Name, posText(v.Pos))
			}
		}
	}
	return ""
}

func setsAuth(word, prefix string) bool {
	rest, ok := strings.CutPrefix(word, prefix)
	k, _, _ := strings.Cut(rest, "=")
	return ok && springconf.CanonicalKey(k) == canonAuth
}

// mountedFiles lists the Spring files mounted into a container where Spring
// reads them: the default locations relative to the working directory
// (./, ./config/, ./config/*/) and spring.config.location /
// additional-location. A file mounted elsewhere is not read; when it holds
// oms. keys it is named in a related location. With an unknown working
// directory every mounted application* file and every mounted file with oms.
// keys is taken as read (the earlier, permissive reading).
func mountedFiles(inv *inventory, c deploy.Container, jl javaLine, fixed []layer, consumed map[*springFile]bool) ([]configFile, []Related) {
	locs := springLocations(fixed, jl.workDir)
	var out []configFile
	var notes []Related
	add := func(sf *springFile, target string, m deploy.Mount) {
		consumed[sf] = true
		role, profile, read := locs.reads(target, sf)
		if !read {
			if sf.hasOMS && len(notes) < maxStartRelated {
				notes = append(notes, Related{
					Message:  fmt.Sprintf("%s is mounted at %s, where Spring does not look for config (%s)", sf.path, target, locs.describe()),
					Location: locationOf(m.Pos),
				})
			}
			return
		}
		dir := path.Base(path.Dir(target))
		out = append(out, configFile{sf: sf, outside: true, configDir: dir == "config" || path.Base(path.Dir(path.Dir(target))) == "config", role: role, profile: profile, yaml: sf.yaml, failed: inv.failed[sf]})
	}
	for _, m := range c.Mounts {
		if name, ok := strings.CutPrefix(m.Source, "configmap:"); ok {
			for _, sf := range inv.configMaps[name] {
				key := path.Base(sf.path)
				if sf.cfgName != "" {
					key = sf.cfgName
				}
				switch {
				case m.SubPath != "" && m.SubPath == key:
					add(sf, m.Target, m)
				case m.SubPath == "":
					add(sf, path.Join(m.Target, key), m)
				}
			}
			continue
		}
		src := path.Clean(m.Source)
		if sf := inv.byPath[src]; sf != nil {
			add(sf, m.Target, m)
			continue
		}
		for _, sf := range inv.springFiles {
			if sf.cfgMap == "" && path.Dir(sf.path) == src {
				add(sf, path.Join(m.Target, path.Base(sf.path)), m)
			}
		}
	}
	return out, notes
}
