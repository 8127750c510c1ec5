package configcheck

import (
	"strings"
	"testing"

	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
)

func judged(version string, st state) *judgedServer {
	s := &server{desc: "server config s/application.properties", version: version, anchor: source.Pos{File: "s/application.properties", Line: 1, Col: 1}}
	if version != "" {
		s.versionFrom = source.Pos{File: "s/pom.xml", Line: 9, Col: 5}
	}
	eff := effective{state: st}
	if st == stateUnknown {
		eff.reason = "remote config"
	}
	j := judgeServer(s) // versions compared as in a scan
	j.eff = eff
	return j
}

// paired is the pairing of a client with one server; unpaired leaves the
// client with candidates.
func paired(s *judgedServer) pairing {
	return pairing{server: s, reason: "the same compose project deploy/", total: 2}
}

func unpaired(cands ...*judgedServer) pairing {
	return pairing{candidates: cands, total: len(cands) + 1}
}

func client(version string) clientDep {
	return clientDep{
		dep:  manifest.Dependency{Group: powerjobGroup, Artifact: clientArtifact, Version: version, Pos: source.Pos{File: "c/pom.xml", Line: 12, Col: 13}},
		is50: strings.HasPrefix(version, "5.0."),
	}
}

func TestDuplicateFinding(t *testing.T) {
	tests := []struct {
		name        string
		client      clientDep
		pairing     pairing
		want        Severity // "" = no finding
		msgContains string
		related     int
	}{
		{"disabled server, version unknown", client("5.1.1"), paired(judged("", stateDisabled)), SeverityWarning, "each job is created twice", 1},
		{"disabled server 5.1.0: setting and version related", client("5.1.0"), paired(judged("5.1.0", stateDisabled)), SeverityWarning, "X-POWERJOB-AUTH-PASSED", 2},
		{"message names the paired server and why", client("5.1.1"), paired(judged("", stateDisabled)), SeverityWarning, "(its server: server config s/application.properties, paired by the same compose project deploy/)", 1},
		{"server 5.1.0-bugfix sends the header", client("5.1.1"), paired(judged("5.1.0-bugfix", stateDisabled)), "", "", 0},
		{"server 5.1.2 sends the header", client("5.1.1"), paired(judged("5.1.2", stateDisabled)), "", "", 0},
		{"server older than 5.1.0 fails the handshake instead", client("5.1.1"), paired(judged("4.3.9", stateDisabled)), "", "", 0},
		{"auth enabled", client("5.1.1"), paired(judged("5.1.0", stateEnabled)), "", "", 0},
		{"paired server fixed, another product's server is not: silent", client("5.1.1"), paired(judged("5.1.1", stateDisabled)), "", "", 0},
		{"unknown server setting gives a note", client("5.1.1"), paired(judged("", stateUnknown)), SeverityNote, "cannot tell", 1},
		{"5.0.x client: own message", client("5.0.1-beta"), paired(judged("5.1.0", stateDisabled)), SeverityWarning, "does not authenticate yet", 2},
		{"no server in the scan: note", client("5.1.0"), pairing{}, SeverityNote, "no PowerJob server config", 0},
		{"no pairing: note naming the candidates", client("5.1.1"), unpaired(judged("", stateUnknown), judged("5.1.0", stateDisabled)), SeverityNote, "cannot tell which of the 3 PowerJob servers", 2},
		{"no pairing, at most three candidates named", client("5.1.1"), unpaired(judged("", stateDisabled), judged("", stateDisabled), judged("", stateDisabled), judged("", stateDisabled), judged("", stateDisabled)), SeverityNote, "; and 2 more", 3},
		{"no pairing, no risky candidate: silent", client("5.1.1"), unpaired(judged("5.1.1", stateDisabled), judged("5.1.0", stateEnabled)), "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := duplicateFinding(tt.client, tt.pairing)
			if !ok {
				if tt.want != "" {
					t.Fatalf("no finding, want %s", tt.want)
				}
				return
			}
			if tt.want == "" {
				t.Fatalf("unexpected finding: %s", f.Message)
			}
			if f.Severity != tt.want || !strings.Contains(f.Message, tt.msgContains) || len(f.Related) != tt.related {
				t.Errorf("got %s %q with %d related; want %s containing %q with %d related", f.Severity, f.Message, len(f.Related), tt.want, tt.msgContains, tt.related)
			}
			if f.Location.Path != "c/pom.xml" || f.Location.Line != 12 {
				t.Errorf("location = %+v, want the dependency line", f.Location)
			}
		})
	}
}

func TestUnauthenticatedFinding(t *testing.T) {
	tests := []struct {
		name   string
		server *judgedServer
		want   Severity
		msg    string
	}{
		{"disabled", judged("5.1.2", stateDisabled), SeverityWarning, "CVE-2025-11581"},
		{"enabled", judged("5.1.0", stateEnabled), "", ""},
		{"enabled but older than 5.1.0", judged("4.3.9", stateEnabled), SeverityWarning, "no OpenAPI authentication"},
		{"unknown", judged("", stateUnknown), SeverityNote, "cannot tell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := unauthenticatedFinding(tt.server)
			if ok != (tt.want != "") {
				t.Fatalf("finding = %v, want %v", ok, tt.want != "")
			}
			if ok && (f.Severity != tt.want || !strings.Contains(f.Message, tt.msg)) {
				t.Errorf("got %s %q, want %s containing %q", f.Severity, f.Message, tt.want, tt.msg)
			}
		})
	}
}

func TestClients(t *testing.T) {
	line := 0
	dep := func(g, a, v string) manifest.Dependency {
		line++ // every declaration on its own line
		return manifest.Dependency{Group: g, Artifact: a, Version: v, Pos: source.Pos{File: "pom.xml", Line: line, Col: 5}}
	}
	inv := &inventory{modules: []manifest.Module{
		{Dir: "a", Deps: []manifest.Dependency{dep(powerjobGroup, clientArtifact, "5.1.1")}},
		{Dir: "b", Deps: []manifest.Dependency{dep(powerjobGroup, clientArtifact, "5.0.0-beta2")}},
		{Dir: "c", Deps: []manifest.Dependency{dep(powerjobGroup, clientArtifact, "4.3.6")}},
		{Dir: "d", Deps: []manifest.Dependency{dep(powerjobGroup, clientArtifact, "")}},
		{Dir: "e", Deps: []manifest.Dependency{dep("com.github.kfcfans", clientArtifact, "5.1.0")}},
		{Dir: "f", Deps: []manifest.Dependency{dep(powerjobGroup, "powerjob-worker-spring-boot-starter", "5.1.1")}},
		{Dir: "g", Deps: []manifest.Dependency{dep(powerjobGroup, serverStarterArtif, "5.1.0")},
			Transitive: []manifest.Dependency{dep(powerjobGroup, clientArtifact, "5.1.0")}},
	}}
	got := clients(inv)
	if len(got) != 2 || got[0].module.Dir != "a" || got[0].is50 || got[1].module.Dir != "b" || !got[1].is50 {
		t.Errorf("clients = %+v, want a (5.1.x) and b (5.0.x) only", got)
	}
}

// TestClientsInheritedAndShared: a client declared in a parent pom's
// <dependencies> is inherited by every child, and a catalog line can fix the
// version of several modules' declarations; each location is one client.
func TestClientsInheritedAndShared(t *testing.T) {
	parentDecl := source.Pos{File: "pom.xml", Line: 31, Col: 13}
	catalog := source.Pos{File: "gradle/libs.versions.toml", Line: 3, Col: 1}
	inherited := manifest.Dependency{Group: powerjobGroup, Artifact: clientArtifact, Version: "5.1.1", Pos: parentDecl, Inherited: true}
	own := inherited
	own.Inherited = false
	fromCatalog := func(file string) manifest.Dependency {
		return manifest.Dependency{Group: powerjobGroup, Artifact: clientArtifact, Version: "5.1.0", Pos: source.Pos{File: file, Line: 9, Col: 5}, VersionPos: catalog}
	}
	tests := []struct {
		name    string
		modules []manifest.Module
		want    []source.Pos
	}{
		{"parent and two children: the parent's declaration once", []manifest.Module{
			{Dir: ".", Deps: []manifest.Dependency{own}},
			{Dir: "job-api", Deps: []manifest.Dependency{inherited}},
			{Dir: "job-admin", Deps: []manifest.Dependency{inherited}},
		}, []source.Pos{parentDecl}},
		{"only children listed (parent not a module): nothing to report twice", []manifest.Module{
			{Dir: "job-api", Deps: []manifest.Dependency{inherited}},
		}, nil},
		{"two Gradle modules, one catalog line", []manifest.Module{
			{Dir: "billing", Deps: []manifest.Dependency{fromCatalog("billing/build.gradle")}},
			{Dir: "ledger", Deps: []manifest.Dependency{fromCatalog("ledger/build.gradle")}},
		}, []source.Pos{catalog}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []source.Pos
			for _, c := range clients(&inventory{modules: tt.modules}) {
				p, _ := clientLocation(c.dep)
				got = append(got, p)
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("client locations = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOldServerLocation: a server older than 5.1.0 is reported at the line
// that disables auth when its config does, else at the server (image line,
// config file).
func TestOldServerLocation(t *testing.T) {
	setAt := source.Pos{File: "deploy/docker-compose.yml", Line: 14, Col: 7}
	tests := []struct {
		name  string
		state state
		want  int
	}{
		{"explicitly disabled", stateDisabled, 14},
		{"enabled in config, but the version has no auth", stateEnabled, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := judged("4.3.9", tt.state)
			s.eff.winner = setting{key: canonAuth, name: "--" + authKey, value: "x", pos: setAt}
			f, ok := unauthenticatedFinding(s)
			if !ok || f.Location.Line != tt.want || !strings.Contains(f.Message, "older than 5.1.0") {
				t.Errorf("finding %v at line %d (%q), want line %d", ok, f.Location.Line, f.Message, tt.want)
			}
		})
	}
}
