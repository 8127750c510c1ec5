package deploy

import (
	"path"
	"strings"
)

// How the final stage starts, kept apart from the words the core splits:
// the raw ENTRYPOINT/CMD and the working directory.

// rawForm is a CMD/ENTRYPOINT as the process receives it: the exec-form
// items, or /bin/sh -c with the shell-form text (variables in it are
// expanded by that shell at run time, not here).
func (b *dockerBuild) rawForm(in instruction, exec bool) []Arg {
	if !exec {
		text := strings.TrimSpace(in.args)
		off := strings.Index(in.args, text)
		return []Arg{{Text: "/bin/sh", Pos: in.pos}, {Text: "-c", Pos: in.pos}, {Text: text, Pos: in.posAt(max(off, 0))}}
	}
	items, _ := jsonStringArray(in.args)
	args := make([]Arg, 0, len(items))
	for _, it := range items {
		args = append(args, Arg{Text: it.text, Pos: in.posAt(it.off)})
	}
	return args
}

// workDir handles WORKDIR: a relative path is joined to the previous one;
// variables are substituted from ARG/ENV. An unknown value clears it.
func (b *dockerBuild) workDir(in instruction) {
	x := expander{lookup: b.lookupStage, escape: b.syn.escape}
	dir, unk := x.expand(strings.TrimSpace(in.args))
	switch {
	case unk || dir == "":
		b.cur.workDir = ""
	case path.IsAbs(dir):
		b.cur.workDir = path.Clean(dir)
	case b.cur.workDir != "":
		b.cur.workDir = path.Join(b.cur.workDir, dir)
	default:
		b.cur.workDir = path.Join("/", dir)
	}
}
