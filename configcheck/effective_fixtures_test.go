package configcheck

import (
	"testing"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/source"
)

// props parses a .properties or YAML text into a springFile named p.
func props(t *testing.T, p, text string) *springFile {
	t.Helper()
	sf, err := parseSpring(p, []byte(text), p, wholeFile(p))
	if err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	return sf
}

// inJar / outside place a file like Spring Boot would find it.
func inJar(sf *springFile) configFile {
	return configFile{sf: sf, role: sf.role, profile: sf.profile, yaml: sf.yaml}
}

func outsideJar(sf *springFile, configDir bool) configFile {
	return configFile{sf: sf, outside: true, configDir: configDir, role: sf.role, profile: sf.profile, yaml: sf.yaml}
}

// containerOf builds the fixed layers from a container's env and args: the
// official server image (PARAMS/JVMOPTIONS read by its entrypoint), or with
// args, an entrypoint replaced by `java -jar app.jar` that receives them.
func containerOf(env map[string]string, args ...string) []layer {
	c := deploy.Container{File: "docker-compose.yml", Kind: deploy.KindCompose, Image: "powerjob/powerjob-server:5.1.0"}
	line := 1
	for _, name := range sortedKeys(env) {
		v := env[name]
		c.Env = append(c.Env, deploy.EnvVar{Name: name, Value: v, Pos: source.Pos{File: "docker-compose.yml", Line: line, Col: 7}, Unknown: v == "<unknown>"})
		line++
	}
	if len(args) > 0 {
		c.Entrypoint, c.EntrypointSet, c.CommandSet = []deploy.Arg{{Text: "java"}, {Text: "-jar"}, {Text: "app.jar"}}, true, true
	}
	for _, a := range args {
		c.Command = append(c.Command, deploy.Arg{Text: a, Pos: source.Pos{File: "docker-compose.yml", Line: 20, Col: 9}})
	}
	sure, _ := containerLayers(c, launchOf(&inventory{}, c, nil))
	return sure
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}
