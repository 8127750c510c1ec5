package configcheck

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
)

// A container's settings reach Spring only through the java command line
// its process runs, and the environment. Which words end up on that line
// depends on the image's entrypoint: the official powerjob/powerjob-server
// image runs
//
//	ENTRYPOINT ["sh","-c","java $JVMOPTIONS -jar /powerjob-server.jar $PARAMS"]
//
// so a compose `command:` or Kubernetes `args:` becomes $0 $1… of that
// shell and is never seen by Spring; only PARAMS and JVMOPTIONS are. When
// the descriptor replaces the entrypoint, its own java command line is read.

// officialScript is the official server image's entrypoint script; its
// working directory is / (no WORKDIR in powerjob-server/docker/Dockerfile).
const officialScript = "java $JVMOPTIONS -jar /powerjob-server.jar $PARAMS"

// imageStart is how an image starts its process when the container does not
// replace it.
type imageStart struct {
	entrypoint, cmd []deploy.Arg
	known           bool   // the image's entrypoint is known
	workDir         string // "" when unknown
}

// startOfImage returns the start of a server image: the official one, a
// Dockerfile in the repository that builds it, or unknown.
func startOfImage(inv *inventory, image string, depth int) imageStart {
	if deploy.IsOfficialServerImage(image) {
		return imageStart{
			entrypoint: []deploy.Arg{{Text: "sh"}, {Text: "-c"}, {Text: officialScript}},
			known:      true, workDir: "/",
		}
	}
	if df, ok := inv.dockerfileBuilding(image); ok && depth < maxImportDepth {
		return startOfDockerfile(inv, df, depth+1)
	}
	return imageStart{}
}

// startOfDockerfile applies a Dockerfile's ENTRYPOINT/CMD/WORKDIR on top of
// its base image's.
func startOfDockerfile(inv *inventory, df deploy.Container, depth int) imageStart {
	st := startOfImage(inv, df.Image, depth)
	if df.EntrypointSet {
		st.entrypoint, st.cmd, st.known = df.Entrypoint, nil, true
	}
	if df.CommandSet {
		st.cmd = df.Command
	}
	if df.WorkingDir != "" {
		st.workDir = df.WorkingDir
	}
	return st
}

// dockerfileBuilding finds the Dockerfile in the repository that builds an
// image with this name: one in a directory named like the image
// (ruoyi-powerjob-server/Dockerfile, or its docker/ subdirectory).
func (inv *inventory) dockerfileBuilding(image string) (deploy.Container, bool) {
	_, df, ok := inv.dockerfileFor(image)
	return df, ok
}

// dockerfileFor is dockerfileBuilding with the Dockerfile's path.
func (inv *inventory) dockerfileFor(image string) (string, deploy.Container, bool) {
	name := deploy.ImageName(image)
	if name == "" || deploy.IsOfficialServerImage(image) {
		return "", deploy.Container{}, false
	}
	for _, p := range inv.dfOrder {
		dir := path.Dir(p)
		if path.Base(dir) == "docker" {
			dir = path.Dir(dir)
		}
		if strings.EqualFold(path.Base(dir), name) {
			return p, inv.dockerfiles[p], true
		}
	}
	return "", deploy.Container{}, false
}

// javaLine is what a container's start command gives Spring.
type javaLine struct {
	known bool // the command line is known (else args/jvm are only possible)
	// args are the program arguments after -jar/main class, jvm the options
	// before it; words that come from env variables carry their positions.
	args, jvm []deploy.Arg
	// argsWild/jvmWild: a wholly unknown variable is expanded there.
	argsWild, jvmWild string
	// ignored are command words that never reach java (the $0 $1… of a
	// `sh -c` script that does not use them).
	ignored []deploy.Arg
	workDir string
	// how describes the start for messages: "the image's entrypoint sh -c
	// '…'".
	how string
	// referenced are the environment variables the script expands.
	referenced map[string]bool
}

// launchOf works out the java command line of a server container; built
// is the Dockerfile that builds its image, when known.
func launchOf(inv *inventory, c deploy.Container, built *deploy.Container) javaLine {
	var st imageStart
	switch {
	case c.Kind == deploy.KindDockerfile:
		st = startOfDockerfile(inv, c, 0)
	case built != nil:
		st = startOfDockerfile(inv, *built, 0)
	default:
		st = startOfImage(inv, c.Image, 0)
	}
	ep, cmd, known, how := st.entrypoint, st.cmd, st.known, "the image's entrypoint"
	if c.Kind != deploy.KindDockerfile {
		if c.EntrypointSet {
			ep, cmd, known, how = c.Entrypoint, nil, true, "the replaced entrypoint"
		}
		if c.CommandSet {
			cmd = c.Command
		}
	}
	wd := st.workDir
	if c.WorkingDir != "" {
		wd = c.WorkingDir
	}
	if !known {
		return javaLine{workDir: wd, ignored: nil, args: cmd}
	}
	argv := append(append([]deploy.Arg(nil), ep...), cmd...)
	jl := javaLine{known: true, workDir: wd, referenced: map[string]bool{}}
	var words []scriptWord
	if script, positional, ok := deploy.ShellScript(argv); ok {
		jl.how = fmt.Sprintf("%s sh -c %q", how, script.Text)
		var usedPositional bool
		words, usedPositional, jl.workDir = scriptJava(script, positional, c.Env, wd, jl.referenced)
		if !usedPositional {
			jl.ignored = positional
		}
	} else {
		for _, a := range argv {
			words = append(words, scriptWord{arg: a})
		}
		jl.how = how
	}
	if !jl.splitJava(words) {
		return javaLine{workDir: wd, args: cmd}
	}
	return jl
}

// scriptWord is one word of a java command line; wild is set when it stands
// for a whole unknown variable.
type scriptWord struct {
	arg  deploy.Arg
	wild string
}

// splitJava sorts the words after `java` into JVM options and program
// arguments. It reports false when no java command is found.
func (jl *javaLine) splitJava(words []scriptWord) bool {
	i := 0
	for i < len(words) && !isJava(words[i].arg.Text) {
		i++
	}
	if i == len(words) {
		return false
	}
	app := false
	for i++; i < len(words); i++ {
		w := words[i]
		if w.wild != "" {
			if app {
				jl.argsWild = cmpOr(jl.argsWild, w.wild)
			} else {
				jl.jvmWild = cmpOr(jl.jvmWild, w.wild)
			}
			continue
		}
		t := w.arg.Text
		switch {
		case app:
			jl.args = append(jl.args, w.arg)
		case t == "-jar" || t == "-cp" || t == "-classpath" || t == "--class-path" || t == "-p" || t == "--module-path":
			app = app || t == "-jar"
			i++ // the jar or path
		case strings.HasPrefix(t, "-"):
			jl.jvm = append(jl.jvm, w.arg)
		default:
			app = true // the main class
		}
	}
	return true
}

func isJava(s string) bool { return path.Base(s) == "java" }

// scriptJava expands the java command of a `sh -c` script: the last command
// of the script that runs java, with $NAME references replaced from the
// container environment and $@/$1… from the positional words. It also
// returns whether positional words were used and the working directory
// after a `cd` in the script.
func scriptJava(script deploy.Arg, positional []deploy.Arg, env []deploy.EnvVar, wd string, referenced map[string]bool) ([]scriptWord, bool, string) {
	var segment []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if len(cur) >= 2 && cur[0] == "cd" && !strings.Contains(cur[1], "$") {
				wd = joinWorkDir(wd, cur[1])
			}
			for _, w := range cur {
				if isJava(w) {
					segment = cur
				}
			}
		}
		cur = nil
	}
	for _, w := range deploy.SplitArgs(script.Text) {
		switch {
		case w == "&&" || w == "||" || w == ";" || w == "|":
			flush()
		case strings.HasSuffix(w, ";"):
			cur = append(cur, strings.TrimSuffix(w, ";"))
			flush()
		default:
			cur = append(cur, w)
		}
	}
	flush()
	usedPositional := false
	var out []scriptWord
	for _, w := range segment {
		for _, sub := range refPattern.FindAllStringSubmatch(w, -1) {
			referenced[sub[1]+sub[3]] = true
		}
		ws, pos := expandScriptWord(w, script, positional, env)
		usedPositional = usedPositional || pos
		out = append(out, ws...)
	}
	return out, usedPositional, wd
}

func joinWorkDir(wd, dir string) string {
	if path.IsAbs(dir) {
		return path.Clean(dir)
	}
	if wd == "" {
		return ""
	}
	return path.Join(wd, dir)
}

// refPattern matches $NAME, ${NAME} and ${NAME:-default}/${NAME-default}.
var refPattern = regexp.MustCompile(`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?-[^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*|[0-9@*]))`)

// expandScriptWord expands one script word. A word that is only a
// reference is split into the variable's words (the shell's field
// splitting); a reference inside a word is replaced by the value.
func expandScriptWord(w string, script deploy.Arg, positional []deploy.Arg, env []deploy.EnvVar) ([]scriptWord, bool) {
	lit := func(text string, unknown bool) []scriptWord {
		return []scriptWord{{arg: deploy.Arg{Text: text, Pos: script.Pos, Unknown: script.Unknown || unknown}}}
	}
	m := refPattern.FindStringSubmatchIndex(w)
	if m == nil {
		return lit(w, false), false
	}
	if m[0] == 0 && m[1] == len(w) {
		name := w[max(m[2], m[6]):max(m[3], m[7])]
		switch {
		case name == "@" || name == "*":
			if len(positional) <= 1 {
				return nil, true
			}
			return argWords(positional[1:]), true
		case name[0] >= '0' && name[0] <= '9':
			if i := int(name[0] - '0'); i < len(positional) {
				return argWords(positional[i : i+1]), true
			}
			return nil, true
		}
		v, ok := lookupEnv(env, name)
		if !ok {
			if m[4] >= 0 { // ${NAME:-default}
				return lit(strings.TrimLeft(w[m[4]:m[5]], ":-"), false), false
			}
			return nil, false
		}
		if v.Unknown && len(v.Unresolved) == 0 {
			return []scriptWord{{wild: fmt.Sprintf("%s (%s) comes from the deployment environment", v.Name, v.Pos)}}, false
		}
		var out []scriptWord
		for _, a := range v.Words() {
			out = append(out, scriptWord{arg: a})
		}
		return out, false
	}
	unknown := false
	text := refPattern.ReplaceAllStringFunc(w, func(ref string) string {
		sub := refPattern.FindStringSubmatch(ref)
		name := sub[1] + sub[3]
		if v, ok := lookupEnv(env, name); ok {
			unknown = unknown || v.Unknown
			return v.Value
		}
		if sub[2] != "" {
			return strings.TrimLeft(sub[2], ":-")
		}
		unknown = unknown || !(name[0] >= '0' && name[0] <= '9')
		return ""
	})
	return lit(text, unknown), false
}

func argWords(as []deploy.Arg) []scriptWord {
	out := make([]scriptWord, 0, len(as))
	for _, a := range as {
		out = append(out, scriptWord{arg: a})
	}
	return out
}

// lookupEnv returns the last entry for name (later entries win).
func lookupEnv(env []deploy.EnvVar, name string) (deploy.EnvVar, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if env[i].Name == name {
			return env[i], true
		}
	}
	return deploy.EnvVar{}, false
}
