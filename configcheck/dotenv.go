package configcheck

import (
	"fmt"
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
)

// docker compose substitutes ${VAR} and ${VAR:-default} in a compose file
// from the shell and from the project's .env file (in the project
// directory, the compose file's own by default). A committed .env is part
// of the repository: its values replace the defaults written in the compose
// file. Other variables stay unknown.

// withDotEnv re-reads the compose files that have a .env beside them with
// its variables known. dotEnv receives the variables read, by compose file.
func (inv *inventory) withDotEnv(cs []deploy.Container) []deploy.Container {
	done := map[string]bool{}
	out := cs
	for _, c := range cs {
		if c.Kind != deploy.KindCompose || done[c.File] {
			continue
		}
		done[c.File] = true
		envPath := path.Join(path.Dir(c.File), ".env")
		envData, ok := inv.files.read(envPath)
		if !ok {
			continue
		}
		vars := parseEnvFile(envPath, envData)
		data, ok := inv.files.read(c.File)
		if !ok {
			continue
		}
		values := map[string]string{}
		for _, v := range vars {
			values[v.Name] = v.Value
		}
		again, err := deploy.ParseComposeWithVars(c.File, data, values)
		if err != nil {
			continue // the first parse reported it
		}
		if inv.dotEnv == nil {
			inv.dotEnv = map[string][]deploy.EnvVar{}
		}
		inv.dotEnv[c.File] = vars
		out = replaceFile(out, c.File, again)
	}
	return out
}

// replaceFile puts the containers of file in place of the old ones (same
// services in the same order; any difference keeps the old list).
func replaceFile(cs []deploy.Container, file string, again []deploy.Container) []deploy.Container {
	out := make([]deploy.Container, 0, len(cs))
	i := 0
	for _, c := range cs {
		if c.File == file && c.Kind == deploy.KindCompose {
			if i < len(again) && again[i].Name == c.Name {
				c = again[i]
			}
			i++
		}
		out = append(out, c)
	}
	return out
}

// dotEnvNotes quotes the .env lines a service used: a note for the message
// (when the deciding setting is written in that compose file) and related
// locations.
func (inv *inventory) dotEnvNotes(c deploy.Container) (string, []Related) {
	vars := inv.dotEnv[c.File]
	if len(c.DotEnvVars) == 0 || len(vars) == 0 {
		return "", nil
	}
	var quoted []string
	var rel []Related
	for _, name := range c.DotEnvVars {
		v, ok := lookupEnv(vars, name)
		if !ok {
			continue
		}
		q := fmt.Sprintf("%s=%s from %s", v.Name, v.Value, posText(v.Pos))
		quoted = append(quoted, q)
		if len(rel) < maxStartRelated {
			rel = append(rel, Related{Message: "docker compose substitutes " + v.Name + "=" + v.Value + " from the project's .env", Location: locationOf(v.Pos)})
		}
	}
	if len(quoted) == 0 {
		return "", nil
	}
	return ", with " + strings.Join(quoted, ", "), rel
}
