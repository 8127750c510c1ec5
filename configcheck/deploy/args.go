package deploy

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// scalarArgs splits a YAML scalar holding a shell-form command into words.
// text is the scalar's value after interpolation. Words of a plain one-line
// scalar whose text was not changed by interpolation get their own column;
// otherwise every word gets the scalar's position.
func (w *walker) scalarArgs(n *yaml.Node, text string, unknown bool) []Arg {
	exactCols := n.Style == 0 && text == n.Value && !strings.ContainsAny(text, "\n\r")
	words := splitWords(text, shellSyntax)
	args := make([]Arg, 0, len(words))
	for _, wd := range words {
		pos := w.pos(n)
		if exactCols {
			pos.Col += wd.off
		}
		args = append(args, Arg{Text: wd.text, Pos: pos, Unknown: unknown})
	}
	return args
}

// expandShellScript splits the script of an exec-form `sh -c "<script>"`
// (also bash, ash, /bin/sh…, and flag clusters such as -ec) into its words,
// so that a `--key=value` inside the script is an Arg of its own. The words
// keep the script's position. Other argument lists are returned unchanged.
func expandShellScript(args []Arg) []Arg {
	if len(args) < 3 || !isShell(args[0].Text) || !isDashCFlag(args[1].Text) {
		return args
	}
	script := args[2]
	out := append([]Arg(nil), args[:2]...)
	for _, wd := range SplitArgs(script.Text) {
		out = append(out, Arg{Text: wd, Pos: script.Pos, Unknown: script.Unknown})
	}
	return append(out, args[3:]...)
}

func isShell(s string) bool {
	switch path.Base(s) {
	case "sh", "bash", "ash", "dash", "zsh":
		return true
	}
	return false
}

// isDashCFlag matches -c and clusters like -ec, -xc, -lc.
func isDashCFlag(s string) bool {
	return len(s) >= 2 && s[0] == '-' && s[1] != '-' && strings.HasSuffix(s, "c")
}

// joinPath joins a path written in a file to that file's directory (slash
// paths); absolute paths are only cleaned.
func joinPath(dir, p string) string {
	p = toSlash(p)
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(dir, p)
}

// ShellScript recognises `sh -c "<script>" [$0 $1…]` (also bash, ash,
// /bin/sh…, and flag clusters such as -ec): it returns the script and the
// words the shell receives as its positional parameters, starting with $0.
func ShellScript(argv []Arg) (script Arg, positional []Arg, ok bool) {
	if len(argv) < 3 || !isShell(argv[0].Text) || !isDashCFlag(argv[1].Text) {
		return Arg{}, nil, false
	}
	return argv[2], argv[3:], true
}
