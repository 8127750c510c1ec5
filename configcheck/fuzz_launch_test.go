package configcheck

import (
	"testing"

	"github.com/twice-lint/twice/configcheck/deploy"
)

// FuzzLaunchScript: any entrypoint script, command word and PARAMS value,
// and any SPRING_APPLICATION_JSON, must give a bounded java command line
// without panicking.
func FuzzLaunchScript(f *testing.F) {
	f.Add(officialScript, "--oms.auth.openapi.enable=true", "--a=1 ${X}", `{"oms":{"auth":{"openapi":{"enable":false}}}}`)
	f.Add(`cd /srv && exec java ${JAVA_OPTS:-} -cp app.jar Main "$@"`, "--z=3", "", `[1,2]`)
	f.Add("java -D$ -jar $1 $@ $* ${", "$0", "-D=", `{"a":[{"b":null}]}`)
	f.Fuzz(func(t *testing.T, script, cmd, params, appJSON string) {
		c := deploy.Container{
			Image:      "powerjob/powerjob-server:5.1.1",
			Entrypoint: []deploy.Arg{{Text: "sh"}, {Text: "-c"}, {Text: script}, {Text: "sh"}}, EntrypointSet: true,
			Command: []deploy.Arg{{Text: cmd}}, CommandSet: true,
			Env: []deploy.EnvVar{{Name: "PARAMS", Value: params}, {Name: "SPRING_APPLICATION_JSON", Value: appJSON}},
		}
		jl := launchOf(&inventory{}, c, nil)
		limit := len(script) + len(cmd) + len(params) + 8
		if len(jl.args)+len(jl.jvm) > limit {
			t.Fatalf("%d words from %d bytes of input", len(jl.args)+len(jl.jvm), limit)
		}
		sure, _ := containerLayers(c, jl)
		fixed := withApplicationJSON(sure)
		if l := layerOf(fixed, srcJSON); l != nil && len(l.settings) > maxJSONEntries {
			t.Fatalf("%d JSON settings", len(l.settings))
		}
		ps := propertySet{fixed: fixed}
		_ = ps.evaluate()
	})
}
