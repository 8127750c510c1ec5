package configcheck

import (
	"strings"

	"github.com/twice-lint/twice/configcheck/springconf"
)

// A server is known by PowerJob evidence: a powerjob-server-starter
// dependency, a *powerjob-server image, the files such a server loads, or
// keys that only PowerJob servers read. Generic oms. keys are not evidence:
// "oms" is also a common name for an order-management system
// (oms.order.timeout, oms.env…), and taking those files for PowerJob
// servers gave warnings in repositories without PowerJob.

// powerjobServerKeys are keys (or key prefixes) the PowerJob server reads
// and nothing else does: checked against powerjob-server-starter's
// application*.properties and the server's @Value/@ConfigurationProperties
// names (PowerJob 4.x–5.x).
var powerjobServerKeys = canonicalAll(
	"oms.auth.openapi.enable",
	"oms.auth.initiliaze.admin.password", // sic: PowerJob's spelling
	"oms.auth.security.jwt",
	"oms.auth.dingtalk",
	"oms.akka",
	"oms.transporter",
	"oms.instanceinfo.retention",
	"oms.container.retention",
	"oms.instance.metadata.cache.size",
	"oms.accurate.select.server.percentage",
	"oms.storage.dfs",
	"oms.mongodb.enable",
	"oms.alarm.ding",
	"spring.datasource.core",
)

func canonicalAll(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = springconf.CanonicalKey(k)
	}
	return out
}

// isPowerJobServerKey reports whether a canonical key is one only PowerJob
// servers use (the key itself, a child of it, or an indexed form).
func isPowerJobServerKey(key string) bool {
	for _, k := range powerjobServerKeys {
		// k itself, or k followed by a child or an index (no string is
		// built: this runs for every entry of every Spring file checked).
		if rest, ok := strings.CutPrefix(key, k); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			return true
		}
	}
	return false
}

// hasServerKeys reports whether a file sets any PowerJob-server-only key,
// in any document (a profile document of a server is still a server's).
func hasServerKeys(sf *springFile) bool {
	if sf.file == nil {
		return false
	}
	for _, d := range sf.file.Docs {
		for _, e := range d.Entries {
			if isPowerJobServerKey(springconf.CanonicalKey(e.Key)) {
				return true
			}
		}
	}
	return false
}
