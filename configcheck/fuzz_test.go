package configcheck

import (
	"strings"
	"testing"
)

// FuzzParseEnvFile: any bytes give variables with names, positions inside
// the file, and no panic.
func FuzzParseEnvFile(f *testing.F) {
	f.Add([]byte("TZ=Asia/Shanghai\nexport OMS_AUTH_OPENAPI_ENABLE=\"true\"\n# comment\n"))
	f.Add([]byte("PARAMS='--oms.auth.openapi.enable=false'\r\nJVMOPTIONS=-Xmx1g\n=novalue\nNOEQUALS\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		for _, v := range parseEnvFile("x.env", data) {
			if v.Name == "" || v.Pos.Line < 1 || v.Pos.Line > lines {
				t.Fatalf("bad variable %+v (file has %d lines)", v, lines)
			}
		}
	})
}

// FuzzCheckFile runs one file through the whole pipeline after parsing —
// inventory, server model, effective settings, rules, every output format —
// under each name that selects a different parser. Whatever the parsers
// return, the model must not panic and every location must be printable.
func FuzzCheckFile(f *testing.F) {
	f.Add(uint8(0), []byte("spring.profiles.active=prod\noms.auth.openapi.enable=${A:${B:false}}\nspring.config.import=optional:nacos:x.properties,classpath:other.yml\n"))
	f.Add(uint8(1), []byte("oms:\n  auth:\n    openapi:\n      enable: @x@\n---\nspring.config.activate.on-profile: prod\noms.auth.openapi.enable: off\n"))
	f.Add(uint8(2), []byte("services:\n  s:\n    image: powerjob/powerjob-server:5.1.0\n    environment:\n      PARAMS: \"--oms.auth.openapi.enable=false\"\n    volumes: [\"./application.yml:/config/application.yml\"]\n"))
	f.Add(uint8(3), []byte("FROM powerjob/powerjob-server:4.3.9\nENV JVMOPTIONS=\"-Doms.auth.openapi.enable=true\"\n"))
	f.Add(uint8(4), []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  application.properties: |\n    oms.auth.openapi.enable=false\n"))
	f.Add(uint8(5), []byte("<project><dependencies><dependency><groupId>tech.powerjob</groupId><artifactId>powerjob-client</artifactId><version>5.1.0</version></dependency></dependencies></project>"))
	names := []string{
		"app/src/main/resources/application.properties",
		"app/config/application-prod.yml",
		"deploy/docker-compose.yml",
		"deploy/Dockerfile",
		"k8s/server.yaml",
		"app/pom.xml",
		"gradle/libs.versions.toml",
		"app/build.gradle.kts",
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := names[int(which)%len(names)]
		facts := []fileFacts{parseFile(name, kindByName(name), data)}
		report := &Report{}
		inv := newInventory(facts, report, fileAccess{})
		report.Findings, report.Counts = check(inv)
		report.sort()
		for _, format := range []string{FormatText, FormatJSON, FormatSARIF} {
			var b strings.Builder
			if err := Write(report, format, &b, WriteOptions{WorkDir: "/w"}); err != nil {
				t.Fatal(err)
			}
		}
		for _, fd := range report.Findings {
			if fd.Location.Path == "" || fd.Location.Line < 1 || fd.Location.Column < 1 {
				t.Fatalf("finding without a usable location: %+v", fd)
			}
		}
	})
}
