package manifest

import "testing"

func TestAdmits(t *testing.T) {
	const lo51, hi = "5.1.0", "6"
	tests := []struct {
		sel          string
		admits, know bool
	}{
		{"[5.0,6.0)", true, true},
		{"(,5.1.1]", true, true},
		{"(,5.1.0)", false, true},
		{"[5.0,5.1)", false, true},
		{"[5.1.0]", true, true},
		{"[4.0],[5.1.2,)", true, true},
		{"]5.1,6.0[", true, true},
		{"[6.0,)", false, true},
		{"5.+", true, true},
		{"5.0.+", false, true}, // only versions starting with "5.0."
		{"5.1.+", true, true},
		{"4.+", false, true},
		{"+", true, true},
		{"latest.release", true, true},
		{"latest.integration", true, true},
		{"[5.0", false, false},
		{"x.+", false, false},
	}
	for _, tt := range tests {
		got, known := Admits(tt.sel, lo51, hi)
		if got != tt.admits || known != tt.know {
			t.Errorf("Admits(%q, 5.1.0, 6) = %v, %v; want %v, %v", tt.sel, got, known, tt.admits, tt.know)
		}
	}
}

func TestReleaseLine(t *testing.T) {
	for in, want := range map[string]string{
		"5.1.0-SNAPSHOT": "5.1.0", "5.1.0-RC1": "5.1.0", "5.1.0.RC2": "5.1.0", "5.0.0-beta": "5.0.0",
		"5.1.0-M1": "5.1.0", "5.1.0-bugfix": "5.1.0-bugfix", "5.1.1": "5.1.1", "5.1.0-mysql": "5.1.0-mysql",
	} {
		if got := ReleaseLine(in); got != want {
			t.Errorf("ReleaseLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLockfileFixesDynamicVersion: a lockfile entry decides a dynamic
// version; Dynamic is then cleared.
func TestLockfileFixesDynamicVersion(t *testing.T) {
	p := NewProject()
	for name, data := range map[string]string{
		"build.gradle":    "dependencies {\n implementation 'tech.powerjob:powerjob-client:5.+'\n}\n",
		"gradle.lockfile": "tech.powerjob:powerjob-client:5.1.2=compileClasspath,runtimeClasspath\n",
	} {
		if err := p.Add(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	mods := p.Modules()
	if len(mods) != 1 || len(mods[0].Deps) != 1 {
		t.Fatalf("modules = %+v", mods)
	}
	if d := mods[0].Deps[0]; d.Version != "5.1.2" || d.Dynamic != "" || !d.Locked {
		t.Errorf("dep = %q dynamic %q locked %v; want 5.1.2, \"\", true", d.Version, d.Dynamic, d.Locked)
	}
}

func TestDynamicKeptWithoutLockfile(t *testing.T) {
	p := NewProject()
	if err := p.Add("build.gradle.kts", []byte("dependencies {\n implementation(\"tech.powerjob:powerjob-client:latest.release\")\n}\n")); err != nil {
		t.Fatal(err)
	}
	if d := p.Modules()[0].Deps[0]; d.Version != "" || d.Dynamic != "latest.release" || lineOf(d.VersionPos) != "" && lineOf(d.VersionPos) != "build.gradle.kts:2" {
		t.Errorf("dep = %q dynamic %q at %q", d.Version, d.Dynamic, lineOf(d.VersionPos))
	}
}
