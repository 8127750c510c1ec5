package manifest

import (
	"maps"
	"testing"
)

func TestBuildRoots(t *testing.T) {
	pom := func(modules ...string) string {
		s := "<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version><modules>"
		for _, m := range modules {
			s += "<module>" + m + "</module>"
		}
		return s + "</modules></project>"
	}
	files := map[string]string{
		"pom.xml":                     pom("shop", "platform"),
		"shop/pom.xml":                pom("orders", "billing"),
		"shop/orders/pom.xml":         pom(),
		"shop/billing/pom.xml":        pom(),
		"platform/jobs/pom.xml":       pom(), // platform/pom.xml not in the tree
		"tools/standalone/pom.xml":    pom(), // listed by nobody
		"loop/a/pom.xml":              pom("../b"),
		"loop/b/pom.xml":              pom("../a"),
		"gradle-app/settings.gradle":  "include 'svc'\n",
		"gradle-app/svc/build.gradle": "dependencies {}\n",
		"gradle-app/build.gradle":     "",
		"lonely-gradle/build.gradle":  "",
	}
	p := NewProject()
	for name, data := range files {
		if err := p.Add(name, []byte(data)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	got := p.BuildRoots()
	want := map[string]string{
		".":              ".",
		"shop":           ".",
		"shop/orders":    ".",
		"shop/billing":   ".",
		"platform/jobs":  ".",
		"gradle-app":     "gradle-app",
		"gradle-app/svc": "gradle-app",
	}
	for _, d := range []string{"loop/a", "loop/b"} { // a cycle ends somewhere in the loop, never hangs
		if r := got[d]; r != "loop/a" && r != "loop/b" {
			t.Errorf("%s: root %q, want loop/a or loop/b", d, r)
		}
		delete(got, d)
	}
	if !maps.Equal(got, want) {
		t.Errorf("BuildRoots:\n got  %v\n want %v", got, want)
	}
}
