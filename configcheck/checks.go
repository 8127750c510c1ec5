package configcheck

import (
	"fmt"
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
)

// Server versions that matter: 5.1.0 added OpenAPI auth; 5.1.0-bugfix made
// the server send X-POWERJOB-AUTH-PASSED when auth is disabled.
const (
	firstAuthVersion  = "5.1.0"
	headerFixVersion  = "5.1.0-bugfix"
	settingDisplayKey = authKey
)

// judgedServer is a server with its evaluated setting and its version
// compared once with the versions that matter.
type judgedServer struct {
	*server
	eff effective
	// old: known to be older than 5.1.0, which has no OpenAPI auth whatever
	// its config says. fixed: 5.1.0-bugfix or later, which sets the header
	// the client waits for.
	old, fixed bool
}

func judgeServer(s *server) *judgedServer {
	j := &judgedServer{server: s, eff: s.evaluate()}
	if s.version != "" {
		j.old, j.fixed = judgeServerVersion(s.version)
	}
	return j
}

// noAuthAtAll: a server older than 5.1.0 has no OpenAPI auth whatever its
// config says.
func (s *judgedServer) noAuthAtAll() bool { return s.old }

// headerFixed: 5.1.0-bugfix and later set the header the client waits for.
func (s *judgedServer) headerFixed() bool { return s.fixed }

// risky: a client of this server may double its requests (auth disabled or
// unknown, version not known to be fixed or too old to have auth).
func (s *judgedServer) risky() bool {
	return !s.fixed && !s.old && (s.eff.state == stateDisabled || s.eff.state == stateUnknown)
}

// Counts is what a scan saw, for the summary line.
type Counts struct {
	Servers, Clients int
}

// check applies both rules.
func check(inv *inventory) ([]Finding, Counts) {
	var judged []*judgedServer
	for _, s := range buildServers(inv) {
		judged = append(judged, judgeServer(s))
	}
	var out []Finding
	for _, s := range judged {
		if f, ok := unauthenticatedFinding(s); ok {
			out = append(out, f)
		}
	}
	x := newSiteIndex(inv)
	p := newPairer(judged, x)
	cs := clients(inv)
	for _, c := range cs {
		if f, ok := duplicateFinding(c, p.pair(x.clientSite(c.module))); ok {
			out = append(out, f)
		}
	}
	out = append(out, unresolvedClientNotes(inv, judged)...)
	return out, Counts{Servers: len(judged), Clients: len(cs)}
}

// ---- unauthenticated-openapi ----

func unauthenticatedFinding(s *judgedServer) (Finding, bool) {
	f := Finding{Rule: RuleUnauthenticatedOpenAPI, Severity: SeverityWarning}
	switch {
	case s.noAuthAtAll():
		// Reported whatever the config says; at the setting when the config
		// also disables auth explicitly, else at the server itself.
		f.Location = locationOf(s.anchor)
		if s.eff.state == stateDisabled {
			f.Location = locationOf(settingLocation(s))
		}
		f.Message = fmt.Sprintf("PowerJob server %s (%s) is older than %s and has no OpenAPI authentication: /openApi/* (e.g. runJob) is reachable without credentials on port 7700 (CVE-2025-11581); upgrade to 5.1.1 or later, set %s=true and keep port 7700 private",
			s.version, s.desc, firstAuthVersion, settingDisplayKey)
		f.Related = versionRelated(s)
	case s.eff.state == stateDisabled:
		f.Location = locationOf(settingLocation(s))
		f.Message = fmt.Sprintf("PowerJob server OpenAPI auth is disabled (%s): /openApi/* (e.g. runJob) is reachable without credentials on port 7700 (CVE-2025-11581, no server release fixes it); set %s=true and keep port 7700 private",
			describeSetting(s), settingDisplayKey)
		f.Related = settingRelated(s)
	case s.eff.state == stateUnknown:
		f.Severity = SeverityNote
		f.Location = locationOf(settingLocation(s))
		f.Message = fmt.Sprintf("cannot tell whether PowerJob server OpenAPI auth is enabled for %s: %s; check that the deployed server has %s=true, otherwise /openApi/* is reachable without credentials on port 7700 (CVE-2025-11581)",
			s.desc, s.eff.reason, settingDisplayKey)
		f.Related = settingRelated(s)
	default:
		return Finding{}, false
	}
	f.Message = withServerPort(f.Message, s.server)
	return f, true
}

// settingLocation is where the deciding setting is written, else the
// server's anchor (config file line 1, image line).
func settingLocation(s *judgedServer) source.Pos {
	if s.eff.winner.pos.IsValid() {
		return s.eff.winner.pos
	}
	return s.anchor
}

// describeSetting says in words where the effective value comes from, with
// its location, for use inside a message.
func describeSetting(s *judgedServer) string {
	w := s.eff.winner
	if !w.pos.IsValid() {
		if s.unsetNote != "" {
			return fmt.Sprintf("%s is not set, so it defaults to false: %s; %s", settingDisplayKey, s.unsetNote, s.desc)
		}
		return fmt.Sprintf("%s is not set, so it defaults to false; %s", settingDisplayKey, s.desc)
	}
	var b strings.Builder
	switch s.eff.winnerKind {
	case srcArgs:
		fmt.Fprintf(&b, "command-line argument %s=%s", w.name, w.value)
	case srcJVM:
		fmt.Fprintf(&b, "JVM option %s=%s", w.name, w.value)
	case srcEnv:
		fmt.Fprintf(&b, "environment variable %s=%s", w.name, w.value)
	case srcJSON:
		fmt.Fprintf(&b, "%s=%s in the JSON of %s", w.name, w.value, w.via)
	default:
		fmt.Fprintf(&b, "%s=%s", w.name, w.value)
	}
	fmt.Fprintf(&b, " at %s", posText(w.pos))
	if s.winnerNote != "" && w.pos.File == s.winnerNoteFile {
		b.WriteString(s.winnerNote)
	}
	if s.eff.resolved != "" {
		fmt.Fprintf(&b, ", which resolves to %s", s.eff.resolved)
		if len(s.eff.resolvedVia) == 0 {
			b.WriteString(" (the placeholder's default)")
		}
		for i, v := range s.eff.resolvedVia {
			sep := " through "
			if i > 0 {
				sep = " and "
			}
			fmt.Fprintf(&b, "%s%s=%s at %s", sep, v.name, v.value, posText(v.pos))
		}
	}
	if len(s.eff.overridden) > 0 {
		fmt.Fprintf(&b, ", overriding %s", posText(s.eff.overridden[0].pos))
	}
	return b.String()
}

func posText(p source.Pos) string {
	return fmt.Sprintf("%s:%d", p.File, max(p.Line, 1))
}

func settingRelated(s *judgedServer) []Related {
	var out []Related
	for _, v := range s.eff.resolvedVia {
		out = append(out, Related{Message: "placeholder value " + v.name + "=" + v.value, Location: locationOf(v.pos)})
	}
	for _, o := range s.eff.overridden {
		out = append(out, Related{Message: "overridden setting " + o.name + "=" + o.value, Location: locationOf(o.pos)})
	}
	return append(append(out, versionRelated(s)...), s.startRelated...)
}

func versionRelated(s *judgedServer) []Related {
	if s.version == "" || !s.versionFrom.IsValid() {
		return nil
	}
	return []Related{{Message: "PowerJob server version " + s.version, Location: locationOf(s.versionFrom)}}
}

// ---- duplicate-openapi-request ----

// clientDep is one powerjob-client 5.x dependency declaration.
type clientDep struct {
	dep    manifest.Dependency
	module manifest.Module
	is50   bool // 5.0.x: no auth handshake yet
}

// clients lists the direct powerjob-client dependencies of version 5.x,
// one per finding location.
//
// A module that only gets the client through powerjob-server-starter is an
// embedded server, not a client: transitive and lockfile-only entries are
// not in Deps. A dependency a child inherits from a parent pom's
// <dependencies> is skipped: the parent's own module lists the same
// declaration, and reporting it per child would repeat one line. Several
// modules can still share one location (a version catalog or lockfile line
// that fixes the version): it is reported once. 4.x, 3.x
// (com.github.kfcfans) and unknown versions are not affected, nor are
// PowerJob's own server modules (isPowerJobServerModule).
func clients(inv *inventory) []clientDep {
	var out []clientDep
	seen := map[source.Pos]bool{}
	for _, m := range inv.modules {
		if isPowerJobServerModule(m) {
			continue
		}
		for _, d := range m.Deps {
			if d.Group != powerjobGroup || d.Artifact != clientArtifact || d.Inherited {
				continue
			}
			label, is5, is50 := classifyClient(d)
			if !is5 {
				continue
			}
			d.Version = label // messages name a range with what it admits
			primary, _ := clientLocation(d)
			if seen[primary] {
				continue
			}
			seen[primary] = true
			out = append(out, clientDep{dep: d, module: m, is50: is50})
		}
	}
	return out
}

// clientLocation is where the finding for a client goes: the line that fixes
// its version when that is a lockfile or a version catalog (that is where the
// version is decided), else the declaration that names powerjob-client.
func clientLocation(d manifest.Dependency) (primary source.Pos, other source.Pos) {
	if d.VersionPos.IsValid() && isLockOrCatalog(d.VersionPos.File) {
		return d.VersionPos, d.Pos
	}
	return d.Pos, d.VersionPos
}

func isLockOrCatalog(p string) bool {
	base := path.Base(p)
	return strings.HasSuffix(base, ".lockfile") || base == "lockfile.json" || strings.HasSuffix(base, ".versions.toml")
}

// duplicateFinding judges a client by the server it is paired with; with
// no pairing it gives a note naming the likeliest candidates.
func duplicateFinding(c clientDep, p pairing) (Finding, bool) {
	primary, other := clientLocation(c.dep)
	f := Finding{Rule: RuleDuplicateOpenAPIRequest, Location: locationOf(primary)}
	if other.IsValid() && other != primary {
		msg := "powerjob-client version " + c.dep.Version + " set here"
		if other == c.dep.Pos {
			msg = "powerjob-client declared here"
		}
		f.Related = append(f.Related, Related{Message: msg, Location: locationOf(other)})
	}
	switch {
	case p.total == 0:
		f.Severity = SeverityNote
		f.Message = noServerMessage(c)
		return f, true
	case p.server == nil:
		return unpairedFinding(f, c, p)
	}
	s := p.server
	// Deliberate: a server known to be 5.1.0-bugfix or later sends
	// X-POWERJOB-AUTH-PASSED, so the client never re-sends. A server known
	// to be older than 5.1.0 has no /openApi/authApp at all: a 5.1.x client
	// fails against it (authApp 404) instead of doubling its requests, so
	// it is no duplicate-openapi-request either; it still gets
	// unauthenticated-openapi (unauthenticatedFinding).
	if !s.risky() {
		return Finding{}, false
	}
	paired := fmt.Sprintf(" (its server: %s, paired by %s)", s.desc, p.reason)
	if s.eff.state == stateDisabled {
		f.Severity = SeverityWarning
		f.Message = duplicateMessage(c, s) + paired
	} else {
		f.Severity = SeverityNote
		f.Message = unknownServerMessage(c, s) + paired
	}
	f.Related = append(f.Related, serverRelated(s))
	f.Related = append(f.Related, versionRelated(s)...)
	return f, true
}

// maxCandidates bounds the servers a no-pairing note names.
const maxCandidates = 3

// unpairedFinding: no evidence singles out the client's server. When some
// candidate could make it double its requests, a note names at most three
// of them (nearest first) and counts the rest.
func unpairedFinding(f Finding, c clientDep, p pairing) (Finding, bool) {
	var risky []*judgedServer
	for _, s := range p.candidates {
		if s.risky() {
			risky = append(risky, s)
		}
	}
	if len(risky) == 0 {
		return Finding{}, false
	}
	shown := risky[:min(len(risky), maxCandidates)]
	names := make([]string, len(shown))
	for i, s := range shown {
		names[i] = s.desc
		f.Related = append(f.Related, serverRelated(s))
	}
	list := strings.Join(names, "; ")
	if rest := len(risky) - len(shown); rest > 0 {
		list += fmt.Sprintf("; and %d more", rest)
	}
	f.Severity = SeverityNote
	f.Message = fmt.Sprintf("powerjob-client %s: cannot tell which of the %d PowerJob servers in the scanned paths it calls (no configured server address, deployment unit, build or nearest directory singles one out); candidates with OpenAPI auth disabled or unknown: %s; if it calls one of them, server 5.1.0 answers without X-POWERJOB-AUTH-PASSED and the client re-sends every saveJob/runJob/…, so each job is created twice; configure its server address (powerjob.worker.server-address or the client's address key) so it can be paired, and run server 5.1.1 or later or set %s=true",
		c.dep.Version, p.total, list, settingDisplayKey)
	return f, true
}

// noServerMessage: a 5.x client and no server config in the scanned paths.
func noServerMessage(c clientDep) string {
	if c.is50 {
		return fmt.Sprintf("powerjob-client %s does not authenticate yet, and no PowerJob server config is in the scanned paths; check the server it calls before upgrading the client to 5.1.x: if it runs 5.1.0 with %s=false (the default), it answers without X-POWERJOB-AUTH-PASSED and a 5.1.x client re-sends every saveJob/runJob/…, so each job is created twice; run server 5.1.1 or later, or enable OpenAPI auth and configure the app password",
			c.dep.Version, settingDisplayKey)
	}
	return fmt.Sprintf("powerjob-client %s: no PowerJob server config in the scanned paths; check the server it calls: if it runs 5.1.0 with %s=false (the default), the server answers without X-POWERJOB-AUTH-PASSED and the client re-sends every saveJob/runJob/…, so each job is created twice; run server 5.1.1 or later, or enable OpenAPI auth and configure the app password",
		c.dep.Version, settingDisplayKey)
}

// unknownServerMessage: the server's setting cannot be known from the
// repository.
func unknownServerMessage(c clientDep, s *judgedServer) string {
	if c.is50 {
		return fmt.Sprintf("powerjob-client %s does not authenticate yet, and it cannot be told whether the PowerJob server has OpenAPI auth enabled (%s: %s); before upgrading the client to 5.1.x, check that the server runs 5.1.1 or later or has %s=true, otherwise a 5.1.x client re-sends every saveJob/runJob/… and each job is created twice",
			c.dep.Version, s.desc, s.eff.reason, settingDisplayKey)
	}
	return fmt.Sprintf("powerjob-client %s: cannot tell whether the PowerJob server has OpenAPI auth enabled (%s: %s); check that the server runs 5.1.1 or later or has %s=true, otherwise the client re-sends every saveJob/runJob/… and each job is created twice",
		c.dep.Version, s.desc, s.eff.reason, settingDisplayKey)
}

func duplicateMessage(c clientDep, s *judgedServer) string {
	where := describeSetting(s)
	if c.is50 {
		return fmt.Sprintf("powerjob-client %s does not authenticate yet, but the PowerJob server has OpenAPI auth disabled (%s): the day the client is upgraded to 5.1.x while this server config stays, server 5.1.0 answers without X-POWERJOB-AUTH-PASSED and the client re-sends every saveJob/runJob/…, so each job is created twice; run server 5.1.1 or later, or set %s=true and configure the app password",
			c.dep.Version, where, settingDisplayKey)
	}
	return fmt.Sprintf("powerjob-client %s with server OpenAPI auth disabled (%s): PowerJob server 5.1.0 answers without X-POWERJOB-AUTH-PASSED and the client re-sends every saveJob/runJob/…, so each job is created twice; run server 5.1.1 or later, or set %s=true and configure the app password",
		c.dep.Version, where, settingDisplayKey)
}

func serverRelated(s *judgedServer) Related {
	msg := "server OpenAPI auth disabled: " + describeSetting(s)
	if s.eff.state == stateUnknown {
		msg = "server OpenAPI auth unknown (" + s.desc + "): " + s.eff.reason
	}
	return Related{Message: msg, Location: locationOf(settingLocation(s))}
}
