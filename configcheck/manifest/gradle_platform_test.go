package manifest

import "testing"

func TestPlatformProjectConstraints(t *testing.T) {
	tests := []struct {
		name, consumer, wantVersion, wantAt string
	}{
		{"kotlin platform", "dependencies {\n implementation(platform(project(\":platform\")))\n implementation(\"tech.powerjob:powerjob-client\")\n}\n", "5.1.1", "platform/build.gradle.kts:3"},
		{"groovy enforcedPlatform", "dependencies {\n implementation enforcedPlatform(project(':platform'))\n implementation 'tech.powerjob:powerjob-client'\n}\n", "5.1.1", "platform/build.gradle.kts:3"},
		{"no platform: unknown", "dependencies {\n implementation 'tech.powerjob:powerjob-client'\n}\n", "", ""},
		{"own version wins", "dependencies {\n implementation(platform(project(\":platform\")))\n implementation(\"tech.powerjob:powerjob-client:5.0.1\")\n}\n", "5.0.1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewProject()
			name := "app/build.gradle.kts"
			if tt.name == "groovy enforcedPlatform" {
				name = "app/build.gradle"
			}
			for file, data := range map[string]string{
				"settings.gradle.kts":       "include(\"platform\", \"app\")\n",
				"platform/build.gradle.kts": "dependencies {\n constraints {\n  api(\"tech.powerjob:powerjob-client:5.1.1\")\n }\n}\n",
				name:                        tt.consumer,
			} {
				if err := p.Add(file, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			for _, m := range p.Modules() {
				if m.BuildFile != name {
					continue
				}
				for _, d := range m.Deps {
					if d.Artifact != "powerjob-client" {
						continue
					}
					if d.Version != tt.wantVersion || lineOf(d.VersionPos) != tt.wantAt {
						t.Errorf("version %q at %q, want %q at %q", d.Version, lineOf(d.VersionPos), tt.wantVersion, tt.wantAt)
					}
					return
				}
			}
			t.Fatal("powerjob-client not found")
		})
	}
}
