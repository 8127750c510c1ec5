package configcheck

import (
	"slices"
	"testing"

	"github.com/twice-lint/twice/configcheck/deploy"
)

// TestLaunchOf covers how a container's start command is turned into the
// java command line Spring sees.
func TestLaunchOf(t *testing.T) {
	words := func(ws ...string) []deploy.Arg {
		var out []deploy.Arg
		for _, w := range ws {
			out = append(out, deploy.Arg{Text: w})
		}
		return out
	}
	env := func(kv ...string) []deploy.EnvVar {
		var out []deploy.EnvVar
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, deploy.EnvVar{Name: kv[i], Value: kv[i+1]})
		}
		return out
	}
	texts := func(as []deploy.Arg) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Text)
		}
		return out
	}
	const official = "powerjob/powerjob-server:5.1.1"
	tests := []struct {
		name               string
		c                  deploy.Container
		known              bool
		args, jvm, ignored []string
		workDir            string
	}{
		{"official image: PARAMS and JVMOPTIONS, command ignored",
			deploy.Container{Image: official, Env: env("PARAMS", "--a=1 --b=2", "JVMOPTIONS", "-Xmx1g -Dc=3", "JAVA_OPTS", "-Dd=4"), Command: words("--e=5"), CommandSet: true},
			true, []string{"--a=1", "--b=2"}, []string{"-Xmx1g", "-Dc=3"}, []string{"--e=5"}, "/"},
		{"replaced exec entrypoint receives the command",
			deploy.Container{Image: official, Entrypoint: words("java", "-Dx=1", "-jar", "/app.jar"), EntrypointSet: true, Command: words("--y=2"), CommandSet: true},
			true, []string{"--y=2"}, []string{"-Dx=1"}, nil, "/"},
		{"sh -c script using \"$@\" passes the positional words",
			deploy.Container{Image: official, Entrypoint: words("sh", "-c", `cd /srv && exec java ${JAVA_OPTS:-} -cp app.jar com.example.Main "$@"`, "sh"), EntrypointSet: true, Command: words("--z=3"), CommandSet: true, Env: env("JAVA_OPTS", "-Dq=1")},
			true, []string{"--z=3"}, []string{"-Dq=1"}, nil, "/srv"},
		{"inline reference inside a word",
			deploy.Container{Image: official, Entrypoint: words("sh", "-c", "java -Dport=$PORT -jar a.jar --mode=${MODE:-safe}"), EntrypointSet: true, Env: env("PORT", "7700")},
			true, []string{"--mode=safe"}, []string{"-Dport=7700"}, nil, "/"},
		{"custom image without a Dockerfile: unknown, command kept as possible",
			deploy.Container{Image: "acme/powerjob-server:1", Command: words("--k=v"), CommandSet: true},
			false, []string{"--k=v"}, nil, nil, ""},
		{"entrypoint script that is not java: unknown",
			deploy.Container{Image: official, Entrypoint: words("/docker-entrypoint.sh"), EntrypointSet: true, Command: words("--k=v"), CommandSet: true},
			false, []string{"--k=v"}, nil, nil, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jl := launchOf(&inventory{}, tt.c, nil)
			if jl.known != tt.known || !slices.Equal(texts(jl.args), tt.args) || !slices.Equal(texts(jl.jvm), tt.jvm) ||
				!slices.Equal(texts(jl.ignored), tt.ignored) || jl.workDir != tt.workDir {
				t.Errorf("got known=%v args=%q jvm=%q ignored=%q workDir=%q; want %v %q %q %q %q",
					jl.known, texts(jl.args), texts(jl.jvm), texts(jl.ignored), jl.workDir, tt.known, tt.args, tt.jvm, tt.ignored, tt.workDir)
			}
		})
	}
}
