package configcheck

// Rule IDs. They are also the README anchors of the rules' help.
const (
	RuleDuplicateOpenAPIRequest = "duplicate-openapi-request"
	RuleUnauthenticatedOpenAPI  = "unauthenticated-openapi"
)

// helpBase is where each rule's documentation lives; the rule ID is the anchor.
const helpBase = "https://github.com/twice-lint/twice#"

// Rule describes one config rule: what `twice help <rule>` prints and what
// SARIF output carries as rule metadata.
type Rule struct {
	ID               string
	Name             string // CamelCase name (SARIF reportingDescriptor.name)
	ShortDescription string
	FullDescription  string
	Help             string // plain text: why it matters and how to fix it
	HelpMarkdown     string
	HelpURI          string
	DefaultSeverity  Severity
	// Tags classify the rule for SARIF viewers ("security", "reliability",
	// CWE ids as external/cwe/cwe-NNN).
	Tags []string
	// SecuritySeverity is a CVSS-style score from "0.0" to "10.0" for rules
	// that report a security issue ("" otherwise); code scanning ranks
	// alerts by it.
	SecuritySeverity string
}

// Rules returns the config rules in a stable order. The slice is new on every
// call, so callers may modify it.
func Rules() []Rule {
	return []Rule{
		{
			ID:               RuleDuplicateOpenAPIRequest,
			Name:             "DuplicateOpenAPIRequest",
			ShortDescription: "powerjob-client 5.x against a PowerJob server with OpenAPI auth disabled sends every OpenAPI write twice",
			FullDescription: "The powerjob-client 5.1.x OpenAPI client expects the response header X-POWERJOB-AUTH-PASSED: true. " +
				"PowerJob server 5.1.0 with oms.auth.openapi.enable=false (the default) never sets it, so the client " +
				"re-authenticates and sends the same request again: every saveJob, runJob, disableJob, deleteJob… runs twice. " +
				"Reported at the powerjob-client dependency of a project whose server config has OpenAPI auth effectively " +
				"disabled, unless the server is known to be 5.1.0-bugfix or later. 5.0.x clients do not authenticate yet, " +
				"so the doubling starts when they are upgraded to 5.1.x while the server config stays. A note is given " +
				"when the server setting cannot be determined or no server config is in the scanned paths.",
			Help: "Fix on the server: run PowerJob server 5.1.1 or later (5.1.0-bugfix sets the header when auth is disabled), " +
				"or set oms.auth.openapi.enable=true on the server and configure the app password in the client. " +
				"Make sure no proxy strips the X-POWERJOB-AUTH-PASSED response header.",
			HelpMarkdown: "**Why:** powerjob-client 5.1.x re-sends an OpenAPI request when the response lacks " +
				"`X-POWERJOB-AUTH-PASSED: true`; server 5.1.0 with `oms.auth.openapi.enable=false` never sets it, so " +
				"every `saveJob`/`runJob`/… is executed twice (PowerJob issues #970, #973, #984).\n\n" +
				"**Fix:** upgrade the server to 5.1.1 or later, or set `oms.auth.openapi.enable=true` on the server and " +
				"configure the app password in the client. Do not let a proxy strip the response header.",
			HelpURI:         helpBase + RuleDuplicateOpenAPIRequest,
			DefaultSeverity: SeverityWarning,
			Tags:            []string{"reliability"},
		},
		{
			ID:               RuleUnauthenticatedOpenAPI,
			Name:             "UnauthenticatedOpenAPI",
			ShortDescription: "PowerJob server with OpenAPI auth disabled: /openApi is reachable without credentials (CVE-2025-11581)",
			FullDescription: "With oms.auth.openapi.enable effectively false (the default), a PowerJob server answers " +
				"/openApi/* requests such as runJob without credentials on port 7700 (CVE-2025-11581, GHSA-9wq6-87hw-6mhc); " +
				"no server release fixes this. Servers older than 5.1.0 have no OpenAPI auth at all and are reported " +
				"whatever their config says. The effective value follows Spring Boot precedence: command-line arguments, " +
				"-D JVM options, environment, profile-specific files, base files, default false.",
			Help: "Set oms.auth.openapi.enable=true on the server (5.1.0 or later), configure app passwords in the clients, " +
				"and keep port 7700 reachable only from trusted networks.",
			HelpMarkdown: "**Why:** CVE-2025-11581: with OpenAPI auth disabled, `/openApi/*` (e.g. `runJob`) is reachable " +
				"without credentials on port 7700, and no server release fixes it.\n\n" +
				"**Fix:** set `oms.auth.openapi.enable=true` (server 5.1.0 or later), configure the app password in the " +
				"clients, and keep port 7700 private.",
			HelpURI:         helpBase + RuleUnauthenticatedOpenAPI,
			DefaultSeverity: SeverityWarning,
			// Missing authentication for a critical function (CWE-306):
			// anyone who reaches port 7700 can create and run jobs and read
			// their results. Scored as CVSS 3.1
			// AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N = 9.1.
			Tags:             []string{"security", "external/cwe/cwe-306"},
			SecuritySeverity: "9.1",
		},
	}
}

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
