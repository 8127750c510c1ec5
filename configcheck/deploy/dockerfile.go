package deploy

import (
	"encoding/json"
	"strings"

	"github.com/twice-lint/twice/configcheck/source"
)

// ParseDockerfile parses a Dockerfile into the container its final stage
// runs: the base image (ARG defaults substituted; a FROM naming an earlier
// stage resolves to that stage's image and inherits its ENV, ENTRYPOINT and
// CMD), the ENV entries with the position of each key, and ENTRYPOINT + CMD
// in exec or shell form. It returns (nil, nil) for a file without
// instructions and an error for merge-conflict markers or a file with
// instructions but no FROM.
func ParseDockerfile(file string, data []byte) ([]Container, error) {
	if err := checkSize(file, data); err != nil {
		return nil, err
	}
	lx := newDockerLexer(file, data)
	instrs, err := lx.instructions()
	if err != nil {
		return nil, err
	}
	if len(instrs) == 0 {
		return nil, nil
	}
	b := dockerBuild{file: file, syn: wordSyntax{escape: lx.escape}, globalArgs: map[string]dockerVar{}, lim: newExpandLimits()}
	for _, in := range instrs {
		b.apply(in)
		if b.copied > maxNodeVisits {
			return nil, source.Errorf(in.pos, "Dockerfile too large to evaluate (stages copy too many variables)")
		}
	}
	if b.cur == nil {
		return nil, source.Errorf(instrs[0].pos, "Dockerfile has no FROM instruction")
	}
	return []Container{b.cur.container(file)}, b.lim.error()
}

// dockerVar is an ARG or ENV value during the build.
type dockerVar struct {
	value string
	state varState
}

// dockerStage is the state of one build stage.
type dockerStage struct {
	name            string
	image           string
	imagePos        source.Pos
	imageUnknown    bool
	vars            map[string]dockerVar // ARGs and ENVs visible for substitution
	env             []EnvVar
	entrypoint, cmd []Arg
	entrypointShell bool
	cmdSetInStage   bool
	// rawEntrypoint/rawCmd keep the instructions as the process receives
	// them (a shell form as /bin/sh -c "<text>", scripts not split); the
	// *Set flags say whether this file sets them (else the base image's
	// apply).
	rawEntrypoint, rawCmd []Arg
	entrypointSet, cmdSet bool
	workDir               string
}

// dockerBuild walks the instructions of one Dockerfile.
type dockerBuild struct {
	file       string
	syn        wordSyntax
	globalArgs map[string]dockerVar // ARGs before the first FROM
	stages     []*dockerStage
	cur        *dockerStage
	// copied counts variables copied into derived stages, which is
	// quadratic for hostile input (many stages each FROM the previous one).
	copied int
	lim    *expandLimits // variable expansion budget
}

func (b *dockerBuild) apply(in instruction) {
	switch in.cmd {
	case "FROM":
		b.from(in)
	case "ARG":
		b.arg(in)
	case "ENV":
		if b.cur != nil {
			b.envInstr(in)
		}
	case "CMD", "ENTRYPOINT":
		if b.cur != nil {
			b.command(in)
		}
	case "WORKDIR":
		if b.cur != nil {
			b.workDir(in)
		}
	}
}

// from starts a stage: FROM [--platform=…] image [AS name].
func (b *dockerBuild) from(in instruction) {
	words := splitWords(in.args, b.syn)
	for len(words) > 0 && strings.HasPrefix(words[0].text, "--") {
		words = words[1:]
	}
	st := &dockerStage{vars: map[string]dockerVar{}}
	if len(words) >= 3 && strings.EqualFold(words[1].text, "AS") {
		st.name = words[2].text
	}
	if len(words) > 0 {
		x := expander{lookup: b.lookupGlobal, escape: b.syn.escape, lim: b.lim, at: in.pos}
		st.image, st.imageUnknown = x.expand(words[0].text)
		st.imageUnknown = st.imageUnknown || isTemplate([]byte(st.image))
		st.imagePos = in.posAt(words[0].off)
	} else {
		st.imagePos = in.pos
	}
	if parent := b.stage(st.image); parent != nil {
		st.inherit(parent)
		b.copied += len(parent.env) + len(parent.entrypoint) + len(parent.cmd)
	}
	b.stages = append(b.stages, st)
	b.cur = st
}

// stage finds an earlier stage by name (case-insensitive, as Docker does).
func (b *dockerBuild) stage(name string) *dockerStage {
	for i := len(b.stages) - 1; i >= 0; i-- {
		if b.stages[i].name != "" && strings.EqualFold(b.stages[i].name, name) {
			return b.stages[i]
		}
	}
	return nil
}

// inherit copies what a stage built FROM an earlier stage starts with.
func (st *dockerStage) inherit(parent *dockerStage) {
	st.image, st.imagePos, st.imageUnknown = parent.image, parent.imagePos, parent.imageUnknown
	st.env = append([]EnvVar(nil), parent.env...)
	for _, e := range parent.env {
		st.vars[e.Name] = dockerVar{value: e.Value, state: stateOf(e.Unknown)}
	}
	st.entrypoint = append([]Arg(nil), parent.entrypoint...)
	st.cmd = append([]Arg(nil), parent.cmd...)
	st.entrypointShell = parent.entrypointShell
	st.rawEntrypoint = append([]Arg(nil), parent.rawEntrypoint...)
	st.rawCmd = append([]Arg(nil), parent.rawCmd...)
	st.entrypointSet, st.cmdSet, st.workDir = parent.entrypointSet, parent.cmdSet, parent.workDir
}

func stateOf(unknown bool) varState {
	if unknown {
		return varUnknown
	}
	return varSet
}

func (b *dockerBuild) lookupGlobal(name string) (string, varState) {
	v, ok := b.globalArgs[name]
	if !ok {
		return "", varUnset
	}
	return v.value, v.state
}

func (b *dockerBuild) lookupStage(name string) (string, varState) {
	v, ok := b.cur.vars[name]
	if !ok {
		return "", varUnset
	}
	return v.value, v.state
}

// arg handles ARG name[=default] …. Before the first FROM it declares a
// global ARG (usable in FROM); inside a stage a bare `ARG name` brings the
// global default into scope. An ARG without default may be passed with
// --build-arg: unknown.
func (b *dockerBuild) arg(in instruction) {
	for _, w := range splitWords(in.args, b.syn) {
		name, value, hasDefault := strings.Cut(w.text, "=")
		v := dockerVar{value: value, state: varSet}
		if !hasDefault {
			v = dockerVar{state: varUnknown}
		}
		if b.cur == nil {
			b.globalArgs[name] = v
			continue
		}
		if g, ok := b.globalArgs[name]; ok && !hasDefault {
			v = g
		}
		if _, isEnv := b.envIndex(name); !isEnv { // ENV wins over ARG
			b.cur.vars[name] = v
		}
	}
}

func (b *dockerBuild) envIndex(name string) (int, bool) {
	for i := len(b.cur.env) - 1; i >= 0; i-- {
		if b.cur.env[i].Name == name {
			return i, true
		}
	}
	return 0, false
}

// envInstr handles `ENV k=v k2="v 2"` and the legacy `ENV k value words`.
func (b *dockerBuild) envInstr(in instruction) {
	words := splitWords(in.args, b.syn)
	if len(words) == 0 {
		return
	}
	if !strings.Contains(words[0].text, "=") {
		b.addEnv(EnvVar{Name: words[0].text, Value: legacyEnvValue(in.args[words[0].end:]), Pos: in.posAt(words[0].off)})
		return
	}
	// Variables are substituted against the state before this instruction.
	x := expander{lookup: b.lookupStage, escape: b.syn.escape, lim: b.lim, at: in.pos}
	var entries []EnvVar
	for _, w := range words {
		name, value, _ := strings.Cut(w.text, "=")
		e := EnvVar{Name: name, Value: value, Pos: in.posAt(w.off)}
		// Single quotes and an escaped $ keep "$" literal; splitWords has
		// already removed them, so such words are not expanded.
		raw := in.args[w.off:w.end]
		if strings.Contains(value, "$") && !strings.Contains(raw, "'") && !strings.Contains(raw, string(b.syn.escape)+"$") {
			e.Value, e.Unresolved = x.expandRefs(value)
			e.Unknown = len(e.Unresolved) > 0
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		b.addEnv(e)
	}
}

// legacyEnvValue is the rest of a legacy ENV line, with one pair of
// surrounding quotes removed.
func legacyEnvValue(rest string) string {
	v := strings.TrimSpace(rest)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

func (b *dockerBuild) addEnv(e EnvVar) {
	e.Unknown = e.Unknown || isTemplate([]byte(e.Value)) // Dockerfile.tmpl and friends
	b.cur.env = append(b.cur.env, e)
	b.cur.vars[e.Name] = dockerVar{value: e.Value, state: stateOf(e.Unknown)}
}

// command handles CMD and ENTRYPOINT. Setting ENTRYPOINT clears a CMD
// inherited from an earlier stage, as Docker does with a base image's CMD.
func (b *dockerBuild) command(in instruction) {
	args, exec := b.execForm(in)
	if !exec {
		args = b.shellForm(in)
	}
	st := b.cur
	raw := b.rawForm(in, exec)
	if in.cmd == "CMD" {
		st.cmd, st.cmdSetInStage = args, true
		st.rawCmd, st.cmdSet = raw, true
		return
	}
	st.entrypoint, st.entrypointShell = args, !exec
	st.rawEntrypoint, st.entrypointSet = raw, true
	if !st.cmdSetInStage {
		st.cmd = nil
		st.rawCmd, st.cmdSet = nil, false
	}
}

// execForm parses the JSON-array form; ok is false when args is not a JSON
// array of strings (Docker then runs it in shell form).
func (b *dockerBuild) execForm(in instruction) ([]Arg, bool) {
	items, ok := jsonStringArray(in.args)
	if !ok {
		return nil, false
	}
	args := make([]Arg, 0, len(items))
	for _, it := range items {
		args = append(args, Arg{Text: it.text, Pos: in.posAt(it.off)})
	}
	return expandShellScript(args), true
}

// shellForm splits a shell-form command into words with their positions.
func (b *dockerBuild) shellForm(in instruction) []Arg {
	var args []Arg
	for _, w := range splitWords(in.args, b.syn) {
		args = append(args, Arg{Text: w.text, Pos: in.posAt(w.off)})
	}
	return args
}

// jsonStringArray parses `["a", "b"]` and returns each string with the
// offset of its opening quote. Anything else (including trailing commas,
// which Docker rejects as JSON too) gives ok=false.
func jsonStringArray(s string) ([]word, bool) {
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '[' {
		return nil, false
	}
	var out []word
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == ']' {
		return out, skipSpace(s, i+1) == len(s)
	}
	for i < len(s) && s[i] == '"' {
		end := jsonStringEnd(s, i)
		if end < 0 {
			return nil, false
		}
		var text string
		if err := json.Unmarshal([]byte(s[i:end]), &text); err != nil {
			return nil, false
		}
		out = append(out, word{text: text, off: i, end: end})
		i = skipSpace(s, end)
		if i < len(s) && s[i] == ']' {
			return out, skipSpace(s, i+1) == len(s)
		}
		if i >= len(s) || s[i] != ',' {
			return nil, false
		}
		i = skipSpace(s, i+1)
	}
	return nil, false
}

// jsonStringEnd returns the offset after the JSON string starting at s[i].
func jsonStringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

func skipSpace(s string, i int) int {
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	return i
}

// container is the final stage as a Container.
func (st *dockerStage) container(file string) Container {
	c := Container{
		File: file, Kind: KindDockerfile, Name: st.name,
		Image: st.image, ImagePos: st.imagePos, ImageUnknown: st.imageUnknown,
		Env: st.env,
	}
	c.Args = append(c.Args, st.entrypoint...)
	if !st.entrypointShell { // a shell-form ENTRYPOINT ignores CMD
		c.Args = append(c.Args, st.cmd...)
	}
	c.Entrypoint, c.EntrypointSet = st.rawEntrypoint, st.entrypointSet
	c.Command, c.CommandSet = st.rawCmd, st.cmdSet
	c.WorkingDir = st.workDir
	return c
}
