package manifest

import (
	"reflect"
	"testing"
)

// TestMergeCoversEveryField fails when Project gains a field Merge does not
// copy: a merged project would silently lose that kind of file.
func TestMergeCoversEveryField(t *testing.T) {
	inputs := []struct{ path, data string }{
		{"pom.xml", `<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>`},
		{"app/build.gradle", `dependencies { implementation "tech.powerjob:powerjob-client:5.1.0" }`},
		{"app/settings.gradle", `rootProject.name = "app"`},
		{"app/gradle.properties", "v=1\n"},
		{"app/gradle/libs.versions.toml", "[versions]\npj = \"5.1.0\"\n"},
		{"app/gradle.lockfile", "tech.powerjob:powerjob-client:5.1.0=runtimeClasspath\n"},
		{".mvn/maven.config", "-Drevision=1\n"},
	}
	merged := NewProject()
	for _, in := range inputs {
		part, err := ParseFile(in.path, []byte(in.data))
		if err != nil {
			t.Fatalf("%s: %v", in.path, err)
		}
		merged.Merge(part)
	}
	v := reflect.ValueOf(merged).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Map {
			t.Errorf("Project.%s is a %s; Merge only knows maps", v.Type().Field(i).Name, f.Kind())
			continue
		}
		if f.Len() == 0 {
			t.Errorf("Project.%s is empty after merging one file of every kind: Merge does not copy it", v.Type().Field(i).Name)
		}
	}
}
