package deploy

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/twice-lint/twice/configcheck/source"
)

// at builds a position in file.
func at(file string, line, col int) source.Pos {
	return source.Pos{File: file, Line: line, Col: col}
}

func readFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// assertEqual compares with DeepEqual and prints both sides as JSON, which
// is far easier to read than %+v for nested containers.
func assertEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Errorf("%s mismatch\n got: %s\nwant: %s", what, g, w)
}

// findContainer returns the container called name.
func findContainer(t *testing.T, cs []Container, name string) Container {
	t.Helper()
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no container %q among %d", name, len(cs))
	return Container{}
}

// launchless clears the start fields (Entrypoint, Command, their Set flags
// and WorkingDir), which launch_test.go checks on their own, so that the
// parser tests written before them keep comparing everything else.
func launchless(c Container) Container {
	c.Entrypoint, c.Command = nil, nil
	c.EntrypointSet, c.CommandSet = false, false
	c.WorkingDir = ""
	c.DotEnvVars = nil
	return c
}

func launchlessAll(cs []Container) []Container {
	if cs == nil {
		return nil
	}
	out := make([]Container, len(cs))
	for i, c := range cs {
		out[i] = launchless(c)
	}
	return out
}
