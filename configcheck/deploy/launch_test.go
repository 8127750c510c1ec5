package deploy

import "testing"

// TestStartFields checks how each descriptor's entrypoint and command are
// kept apart and unsplit: the core needs to know which words a `sh -c`
// entrypoint receives as its script and which as $0 $1….
func TestStartFields(t *testing.T) {
	type start struct {
		Entrypoint, Command       []string
		EntrypointSet, CommandSet bool
		WorkingDir                string
	}
	texts := func(as []Arg) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Text)
		}
		return out
	}
	tests := []struct {
		name, file, src string
		want            start
	}{
		{"compose command only", "docker-compose.yml", "services:\n  s:\n    image: x\n    command: [\"--oms.auth.openapi.enable=true\"]\n",
			start{Command: []string{"--oms.auth.openapi.enable=true"}, CommandSet: true}},
		{"compose shell-form entrypoint keeps the script one word", "docker-compose.yml",
			"services:\n  s:\n    image: x\n    entrypoint: sh -c \"java $$JAVA_OPTS -jar /app.jar\"\n    working_dir: /opt/app\n",
			start{Entrypoint: []string{"sh", "-c", "java $JAVA_OPTS -jar /app.jar"}, EntrypointSet: true, WorkingDir: "/opt/app"}},
		{"compose empty entrypoint is set", "docker-compose.yml", "services:\n  s:\n    image: x\n    entrypoint: []\n",
			start{EntrypointSet: true}},
		{"kubernetes command and args", "k.yaml",
			"apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      workingDir: /srv\n      command: [\"sh\", \"-c\", \"exec java -jar /a.jar $0 $@\"]\n      args: [\"--a=1\"]\n",
			start{Entrypoint: []string{"sh", "-c", "exec java -jar /a.jar $0 $@"}, EntrypointSet: true, Command: []string{"--a=1"}, CommandSet: true, WorkingDir: "/srv"}},
		{"kubernetes args only", "k.yaml",
			"apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n      args: [\"--a=1\"]\n",
			start{Command: []string{"--a=1"}, CommandSet: true}},
		{"dockerfile shell-form entrypoint", "Dockerfile",
			"FROM eclipse-temurin:17\nWORKDIR /opt\nWORKDIR app\nENTRYPOINT java $JAVA_OPTS -jar app.jar\n",
			start{Entrypoint: []string{"/bin/sh", "-c", "java $JAVA_OPTS -jar app.jar"}, EntrypointSet: true, WorkingDir: "/opt/app"}},
		{"dockerfile exec form with CMD", "Dockerfile",
			"FROM eclipse-temurin:17\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\nCMD [\"--server.port=7700\"]\n",
			start{Entrypoint: []string{"java", "-jar", "/app.jar"}, EntrypointSet: true, Command: []string{"--server.port=7700"}, CommandSet: true}},
		{"dockerfile CMD only, base entrypoint applies", "Dockerfile",
			"FROM powerjob/powerjob-server:5.1.1\nCMD [\"--oms.auth.openapi.enable=true\"]\n",
			start{Command: []string{"--oms.auth.openapi.enable=true"}, CommandSet: true}},
		{"dockerfile stage inherits", "Dockerfile",
			"FROM eclipse-temurin:17 AS base\nWORKDIR /w\nENTRYPOINT [\"java\"]\nFROM base\nCMD [\"-jar\", \"x.jar\"]\n",
			start{Entrypoint: []string{"java"}, EntrypointSet: true, Command: []string{"-jar", "x.jar"}, CommandSet: true, WorkingDir: "/w"}},
		{"dockerfile WORKDIR with unknown ARG", "Dockerfile",
			"FROM eclipse-temurin:17\nARG DIR\nWORKDIR $DIR\n",
			start{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cs []Container
			var err error
			switch tt.file {
			case "docker-compose.yml":
				cs, err = ParseCompose(tt.file, []byte(tt.src))
			case "k.yaml":
				cs, _, err = ParseKubernetes(tt.file, []byte(tt.src))
			default:
				cs, err = ParseDockerfile(tt.file, []byte(tt.src))
			}
			if err != nil || len(cs) != 1 {
				t.Fatalf("parse: %v, %d containers", err, len(cs))
			}
			c := cs[0]
			got := start{texts(c.Entrypoint), texts(c.Command), c.EntrypointSet, c.CommandSet, c.WorkingDir}
			assertEqual(t, "start", got, tt.want)
		})
	}
}

// TestParseComposeWithVars: the project's .env sets variables; defaults
// apply to the others and a bare unknown variable stays unknown.
func TestParseComposeWithVars(t *testing.T) {
	src := "services:\n  pj:\n    image: powerjob/powerjob-server:${TAG:-5.1.0}\n    environment:\n      PARAMS: \"--oms.auth.openapi.enable=${AUTH:-true}\"\n      DB: ${DB_PASSWORD}\n      TZ: ${TZ:-UTC}\n"
	cs, err := ParseComposeWithVars("docker-compose.yml", []byte(src), map[string]string{"TAG": "5.1.1", "AUTH": "false"})
	if err != nil || len(cs) != 1 {
		t.Fatalf("parse: %v, %d containers", err, len(cs))
	}
	c := cs[0]
	assertEqual(t, "image", c.Image, "powerjob/powerjob-server:5.1.1")
	assertEqual(t, "PARAMS", c.Env[0].Value, "--oms.auth.openapi.enable=false")
	assertEqual(t, "DB unknown", c.Env[1].Unknown, true)
	assertEqual(t, "TZ default", c.Env[2].Value, "UTC")
	assertEqual(t, "used", c.DotEnvVars, []string{"AUTH", "TAG"})
}
