package configcheck

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/springconf"
)

// The server's HTTP port (where /openApi/* is served) is server.port,
// 7700 in PowerJob's shipped configuration. Messages name the port the
// server really listens on when its config sets another one.

const defaultServerPort = "7700"

var canonServerPort = springconf.CanonicalKey("server.port")

// serverPort returns the effective server.port, "7700" when it is not set
// (a source whose content is unknown is not taken to set it) and "" when
// it is set but its value cannot be known.
func (ps *propertySet) serverPort() string {
	profiles, known := ps.activeProfiles()
	layers := ps.layers(profiles, known)
	for _, l := range layers {
		s, ok := l.lookup(canonServerPort)
		if !ok {
			continue
		}
		if s.unknown {
			return ""
		}
		v, ok := springconf.Expand(s.value, placeholderLookup(layers))
		if !ok || strings.TrimSpace(v) == "" {
			return ""
		}
		return strings.TrimSpace(v)
	}
	return defaultServerPort
}

// withServerPort rewrites the "port 7700" of a message for a server whose
// server.port is another (or unknown: "its HTTP port (server.port)").
func withServerPort(msg string, s *server) string {
	port := s.props.serverPort()
	switch port {
	case defaultServerPort:
		return msg
	case "":
		return strings.ReplaceAll(msg, "port "+defaultServerPort, "its HTTP port (server.port)")
	}
	return strings.ReplaceAll(msg, "port "+defaultServerPort, "port "+port)
}
