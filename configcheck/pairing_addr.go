package configcheck

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/configcheck/springconf"
)

// serverAddr is one host a client is configured to call, with the text and
// place that say so ("powerjob-a:7700" at order/src/main/resources/application.yml:4).
type serverAddr struct {
	host string // lower case, no scheme, port or path
	text string // the address as written (after placeholder defaults)
	pos  source.Pos
}

// isAddressKey reports whether a canonical Spring key is one through which
// a PowerJob client or worker is told the server's address:
// powerjob.worker.server-address (the worker starter, usually configured
// next to the client) and the keys applications define for the client,
// whose constructor takes a domain or address list
// (powerjob.client.address, .address-list, .domain, .server-address, .url).
func isAddressKey(key string) bool {
	rest, ok := strings.CutPrefix(key, "powerjob.")
	if !ok {
		return false
	}
	if i := strings.IndexByte(rest, '['); i >= 0 { // address-list[0]
		rest = rest[:i]
	}
	last := rest[strings.LastIndexByte(rest, '.')+1:]
	return strings.Contains(last, "addr") || strings.Contains(last, "domain") || strings.Contains(last, "url") || last == "server"
}

// isAddressEnv is isAddressKey for environment variable names
// (POWERJOB_WORKER_SERVER_ADDRESS, POWERJOB_CLIENT_DOMAIN, POWERJOB_SERVER).
func isAddressEnv(name string) bool {
	n := strings.ToUpper(name)
	if !strings.HasPrefix(n, "POWERJOB_") {
		return false
	}
	return strings.Contains(n, "ADDR") || strings.Contains(n, "DOMAIN") || strings.Contains(n, "URL") || strings.HasSuffix(n, "_SERVER")
}

// addressesOf splits an address value into hosts: a comma/semicolon/space
// separated list of host[:port], optionally with a scheme and path.
// Placeholders take their default; a host that stays unresolved is dropped.
func addressesOf(value string, pos source.Pos) []serverAddr {
	if strings.Contains(value, "${") {
		value, _ = springconf.Expand(value, func(string) (string, bool, bool) { return "", false, true })
	}
	var out []serverAddr
	for _, part := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' }) {
		if h := hostOf(part); h != "" {
			out = append(out, serverAddr{host: h, text: part, pos: pos})
		}
	}
	return out
}

// hostOf extracts the host of "http://powerjob-a:7700/", "powerjob-a:7700"
// or "powerjob-a"; "" when it is not a plain name (a placeholder left, an
// IPv6 literal).
func hostOf(s string) string {
	s = strings.TrimSpace(s)
	if _, rest, ok := strings.Cut(s, "://"); ok {
		s = rest
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 { // user:pass@host
		s = s[i+1:]
	}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if s == "" || strings.ContainsAny(s, "${}()[] ") {
		return ""
	}
	return s
}

// springAddresses lists the addresses set by address keys in a Spring file.
func springAddresses(sf *springFile) []serverAddr {
	var out []serverAddr
	if sf.file == nil {
		return nil
	}
	for _, d := range sf.file.Docs {
		for _, e := range d.Entries {
			if isAddressKey(springconf.CanonicalKey(e.Key)) {
				out = append(out, addressesOf(e.Value, e.Pos)...)
			}
		}
	}
	return out
}

// containerAddresses lists the addresses a client container is given:
// POWERJOB_* address variables and --powerjob.…address= / -Dpowerjob.…
// arguments (also inside PARAMS/JAVA_OPTS-style variables).
func containerAddresses(c deploy.Container) []serverAddr {
	var out []serverAddr
	word := func(w deploy.Arg) {
		t := strings.TrimPrefix(strings.TrimPrefix(w.Text, "--"), "-D")
		k, v, ok := strings.Cut(t, "=")
		if ok && t != w.Text && isAddressKey(springconf.CanonicalKey(k)) {
			out = append(out, addressesOf(v, w.Pos)...)
		}
	}
	for _, a := range c.Args {
		word(a)
	}
	for _, e := range c.Env {
		switch {
		case isAddressEnv(e.Name):
			out = append(out, addressesOf(e.Value, e.Pos)...)
		case strings.Contains(e.Value, "powerjob"):
			for _, w := range e.Words() {
				word(w)
			}
		}
	}
	return out
}
