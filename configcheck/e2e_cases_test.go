package configcheck

import "fmt"

// want is one expected output line: a finding (rule set) or an input error
// (rule "").
type want struct {
	severity string
	path     string
	line     int
	rule     string
}

func (w want) String() string {
	return fmt.Sprintf("%s:%d %s [%s]", w.path, w.line, w.severity, w.rule)
}

const (
	dup   = RuleDuplicateOpenAPIRequest
	unath = RuleUnauthenticatedOpenAPI
)

// e2eCase is a fixture tree, the output lines it gives (in any order) and
// the exit code.
type e2eCase struct {
	tree string
	want []want
	exit int
}

var e2eCases = []e2eCase{
	{"maven-embedded", []want{
		{"warning", "maven-embedded/order-service/pom.xml", 23, dup},
		{"warning", "maven-embedded/scheduler/src/main/resources/application.yml", 19, unath},
	}, 3},
	{"gradle-catalog", []want{
		{"warning", "gradle-catalog/deploy/docker-compose.yml", 12, unath}, // image line: setting absent, default false
		{"warning", "gradle-catalog/gradle/libs.versions.toml", 3, dup},    // the catalog line that fixes 5.1.1
	}, 3},
	{"compose-params", []want{
		{"warning", "compose-params/deploy/docker-compose.yml", 16, unath}, // PARAMS beats JVMOPTIONS and the mounted file
		{"warning", "compose-params/report-service/pom.xml", 15, dup},
	}, 3},
	{"k8s-configmap", []want{
		{"warning", "k8s-configmap/k8s/powerjob-server.yaml", 12, unath}, // inside the ConfigMap
		{"warning", "k8s-configmap/notifier/build.gradle", 11, dup},      // not the commented-out 4.3.6 line
	}, 3},
	{"profiles", []want{
		{"warning", "profiles/console/pom.xml", 13, dup}, // 5.0.1-beta: own message
		{"warning", "profiles/server/src/main/resources/application-metrics.properties", 3, unath},
	}, 3},
	{"nacos-import", []want{
		{"note", "nacos-import/audit-scheduler/src/main/resources/application.yml", 1, unath}, // remote data not committed
		{"warning", "nacos-import/config/nacos/powerjob-server.properties", 5, unath},         // committed data-id
		{"note", "nacos-import/ledger/pom.xml", 13, dup},                                      // two servers in its Maven build, equally near: not paired
	}, 3},
	{"fixed-server", []want{
		{"warning", "fixed-server/deploy/docker-compose.yml", 3, unath},  // 5.1.1: no duplicate, still CVE
		{"warning", "fixed-server/deploy/docker-compose.yml", 12, unath}, // 4.3.9: no auth at all
	}, 3},
	{"client-only", []want{
		{"note", "client-only/billing/pom.xml", 10, dup}, // no server in the scanned paths; the 4.x client gets nothing
	}, 0},
	{"no-powerjob", nil, 0},
	{"broken-files", []want{
		{"error", "broken-files/deploy/docker-compose.yml", 6, ""},
		{"warning", "broken-files/dispatcher/build.gradle", 8, dup},
		{"error", "broken-files/legacy-api/pom.xml", 6, ""},
		{"error", "broken-files/powerjob-server/config/application-dev.yml", 3, ""},
		{"warning", "broken-files/powerjob-server/config/application.properties", 4, unath},
	}, 1},
	// RuoYi-style: a custom ruoyi/ruoyi-powerjob-server image (JAVA_OPTS
	// enables auth; its Dockerfile's entrypoint expands it) next to its own
	// embedded-server module whose active profile is a Maven token: the
	// base file leaves auth off, application-prod.yml enables it, so the
	// value is unknown (notes; target/ is skipped).
	{"ruoyi-plus", []want{
		{"note", "ruoyi-plus/ruoyi-extend/ruoyi-powerjob-server/src/main/resources/application.yml", 1, unath},
		{"note", "ruoyi-plus/ruoyi-modules/ruoyi-job/pom.xml", 19, dup}, // version from the parent's dependencyManagement
	}, 0},
	// spring.config.import=nacos:powerjob-server.yml with the data-id
	// committed under config/nacos/: read like a local file.
	{"nacos-data-id", []want{
		{"warning", "nacos-data-id/config/nacos/DEFAULT_GROUP/powerjob-server.yml", 12, unath}, // the enable: line
		{"warning", "nacos-data-id/order-service/pom.xml", 14, dup},                            // version from a property
	}, 3},
	// The same import, not committed: unknown, notes only (5.0.x wording).
	{"nacos-remote-beta", []want{
		{"note", "nacos-remote-beta/billing/pom.xml", 10, dup},
		{"note", "nacos-remote-beta/scheduler/src/main/resources/application.yml", 1, unath},
	}, 0},
	// PARAMS as a folded scalar (with an unresolved password) and as a list
	// entry with \ continuations; JAVA_OPTS -D overriding a mounted file;
	// SPRING_PROFILES_ACTIVE selecting a mounted profile file that enables auth.
	{"compose-overrides", []want{
		{"warning", "compose-overrides/deploy/docker-compose.yml", 7, unath},
		{"warning", "compose-overrides/deploy/docker-compose.yml", 19, unath},
		{"note", "compose-overrides/notify/build.gradle", 8, dup}, // four servers, nothing pairs the client: note with candidates
	}, 3},
	// ${OMS_AUTH:true} resolved from the container environment, left to its
	// default, and a placeholder without default that nothing defines.
	{"placeholders", []want{
		{"warning", "placeholders/deploy/conf/powerjob.properties", 3, unath},
		{"note", "placeholders/reports/src/main/resources/application.yml", 6, unath},
	}, 3},
	// key: value, \uXXXX escapes, a continued entry (its first line), and a
	// BOM + CRLF nested YAML file of a 5.1.0-bugfix embedded server.
	{"properties-syntax", []want{
		{"warning", "properties-syntax/colon/config/application.properties", 3, unath},
		{"warning", "properties-syntax/continued/config/application.properties", 2, unath},
		{"warning", "properties-syntax/escape/config/application.properties", 3, unath},
		{"warning", "properties-syntax/nested/src/main/resources/application.yml", 7, unath},
	}, 3},
	// Official tags 5.1.0, 5.1.1, latest, 4.3.9 (auth "enabled" but absent
	// in that version), a registry mirror, and a custom image with auth on.
	{"server-images", []want{
		{"note", "server-images/api/build.gradle.kts", 8, dup}, // six servers, none paired: note with candidates
		{"warning", "server-images/ops/docker-compose.yml", 3, unath},
		{"warning", "server-images/ops/docker-compose.yml", 5, unath},
		{"warning", "server-images/ops/docker-compose.yml", 7, unath},
		{"warning", "server-images/ops/docker-compose.yml", 9, unath},
		{"warning", "server-images/ops/docker-compose.yml", 13, unath},
	}, 3},
	// Client versions from gradle.properties (5.0.x), the version catalog,
	// a lockfile; commented-out and 4.x declarations, a worker starter and
	// an embedded server with auth on do not count. The clients are paired
	// with the compose service that builds server/ (by POWERJOB_* address,
	// by compose project, by image name).
	{"gradle-client-versions", []want{
		{"warning", "gradle-client-versions/gradle/libs.versions.toml", 3, dup},
		{"warning", "gradle-client-versions/server/Dockerfile", 1, unath},
		{"warning", "gradle-client-versions/svc-a/build.gradle", 4, dup},
		{"warning", "gradle-client-versions/svc-c/gradle.lockfile", 5, dup},
	}, 3},
	// A client in the parent pom's <dependencies>, versioned by an imported
	// BOM: reported once at the parent, not once per child.
	{"maven-parent-client", []want{
		{"warning", "maven-parent-client/job-admin/src/main/resources/application.yml", 3, unath},
		{"warning", "maven-parent-client/pom.xml", 34, dup},
	}, 3},
	{"look-alike-keys", nil, 0},
	{"client-non-ascii", []want{
		{"note", "client-non-ascii/服务/订单中心/pom.xml", 11, dup},
	}, 0},
	// Broken pom, YAML with a tab, merge-conflict markers next to valid
	// files; a Helm template dir (skipped silently), build/ without a build
	// script (scanned) and build/ beside build.gradle (skipped), Latin-1.
	{"broken-mixed", []want{
		{"error", "broken-mixed/api/pom.xml", 14, ""},
		{"warning", "broken-mixed/build/compose/docker-compose.yml", 5, unath},
		{"error", "broken-mixed/conflict/config/application.properties", 2, ""},
		{"warning", "broken-mixed/latin/powerjob.properties", 3, unath},
		{"warning", "broken-mixed/server/pom.xml", 15, dup},
		{"error", "broken-mixed/server/src/main/resources/application-dev.yml", 4, ""},
		{"warning", "broken-mixed/server/src/main/resources/application.yml", 6, unath},
	}, 1},
	// A ConfigMap exported by kubectl (a double-quoted value, not a `|`
	// block) and a $(VAR) argument whose variable comes from a Secret.
	{"k8s-inline-values", []want{
		{"warning", "k8s-inline-values/deploy/prod/powerjob-server.yaml", 10, unath}, // the data key: lines inside the value do not map
		// args: never reach Spring under the official image's sh -c entrypoint,
		// so the $(OPENAPI_AUTH) there does not matter: auth is off.
		{"warning", "k8s-inline-values/deploy/staging/powerjob-server.yaml", 21, unath},
	}, 3},
	{"k8s-secret", []want{
		{"warning", "k8s-secret/manifests/powerjob.yaml", 8, unath}, // profile file in a mounted ConfigMap
		{"note", "k8s-secret/manifests/powerjob.yaml", 43, unath},   // env from a Secret
		{"note", "k8s-secret/payments/build.gradle", 2, dup},        // two servers, nothing pairs the client
	}, 3},
	// Legacy spring.profiles documents, a profile from a placeholder default,
	// file:./config/ over the classpath, Dockerfile ENV.
	{"profile-precedence", []want{
		{"warning", "profile-precedence/a/src/main/resources/application.yml", 14, unath},
		{"warning", "profile-precedence/b/src/main/resources/application-dev.properties", 1, unath},
		{"warning", "profile-precedence/c/config/application.properties", 1, unath},
		{"warning", "profile-precedence/d/Dockerfile", 9, unath},
	}, 3},
	// PowerJob's own repository shape: the server-starter module declares
	// powerjob-client (what the starter pulls in; not a remote client) and
	// is server 5.1.1 itself; an image tag "test_env" is no version. The
	// samples are paired with that 5.1.1 server (same Maven build): silent.
	{"powerjob-fork", []want{
		{"warning", "powerjob-fork/others/dev/docker-compose.yml", 6, unath},
		{"warning", "powerjob-fork/powerjob-server/powerjob-server-starter/src/main/resources/application.properties", 6, unath},
	}, 3},
	// Pairing (DESIGN.md "Config rules"). Two products in one repository:
	// alpha-api is paired with alpha's embedded 5.1.0 server by its Maven
	// build; beta's orders with beta's 5.1.1 server by the compose project,
	// so it is not warned about alpha's server.
	{"two-products", []want{
		{"warning", "two-products/alpha/alpha-api/pom.xml", 13, dup},
		{"warning", "two-products/alpha/alpha-scheduler/src/main/resources/application.yml", 9, unath},
		{"warning", "two-products/beta/deploy/docker-compose.yml", 3, unath},
	}, 3},
	// Addresses matched to compose names: container_name (billing, paired
	// with the 5.1.0 server) and a network alias (ledger, paired with the
	// 5.1.1 server: silent). Both servers sit in one directory, so only the
	// address tells them apart.
	{"address-compose", []want{
		{"warning", "address-compose/billing/pom.xml", 10, dup},
		{"warning", "address-compose/deploy/docker-compose.yml", 6, unath},
		{"warning", "address-compose/deploy/docker-compose.yml", 8, unath},
	}, 3},
	// Addresses matched to Kubernetes names: svc.ns.svc.cluster.local
	// (payments), an Ingress host in a POWERJOB_* variable of the client's
	// own Deployment (invoices), svc.ns through a placeholder default
	// (reports, paired with the 5.1.1 server in jobs-next: silent).
	{"address-k8s", []want{
		{"warning", "address-k8s/invoices/build.gradle", 4, dup},
		{"warning", "address-k8s/k8s/jobs-next/scheduler.yaml", 18, unath},
		{"warning", "address-k8s/k8s/jobs/scheduler.yaml", 18, unath},
		{"warning", "address-k8s/payments/build.gradle", 4, dup},
	}, 3},
	// No evidence pairs the client: a note naming three of the five risky
	// candidates and counting the rest (the 5.1.1 server is no candidate).
	{"unpaired", []want{
		{"note", "unpaired/catalog/pom.xml", 10, dup},
		{"warning", "unpaired/ops/dr/docker-compose.yml", 3, unath},
		{"warning", "unpaired/ops/prod/docker-compose.yml", 3, unath},
		{"warning", "unpaired/ops/prod/docker-compose.yml", 5, unath},
		{"warning", "unpaired/ops/prod/docker-compose.yml", 7, unath},
		{"warning", "unpaired/ops/staging/docker-compose.yml", 3, unath},
		{"warning", "unpaired/ops/staging/docker-compose.yml", 5, unath},
	}, 3},
	// A monorepo: one Maven reactor, three servers, six clients. Each
	// client gets one finding about its own server (by address), the one
	// without an address a note, the 4.x client nothing, and the search
	// team's indexer is paired with its own 5.1.1 server (silent).
	{"monorepo", []want{
		{"note", "monorepo/platform/powerjob-canary/docker-compose.yml", 5, unath},
		{"warning", "monorepo/platform/powerjob/docker-compose.yml", 3, unath},
		{"warning", "monorepo/services/svc-01/pom.xml", 10, dup},
		{"warning", "monorepo/services/svc-02/pom.xml", 10, dup},
		{"warning", "monorepo/services/svc-03/pom.xml", 10, dup},
		{"note", "monorepo/services/svc-04/pom.xml", 10, dup},
		{"note", "monorepo/services/svc-05/pom.xml", 10, dup},
		{"warning", "monorepo/teams/search/deploy/docker-compose.yml", 3, unath},
	}, 3},
	// Apollo and Config Server (notes), a bootstrap Nacos data-id and a
	// placeholder import location committed (read), a file: import.
	{"config-centers", []want{
		{"note", "config-centers/apollo/src/main/resources/application.properties", 1, unath},
		{"note", "config-centers/cfgsrv/src/main/resources/application.yml", 1, unath},
		{"warning", "config-centers/fileimp/ext/powerjob-auth.properties", 2, unath},
		{"warning", "config-centers/nacos-config/powerjob-server.yaml", 4, unath},
	}, 3},
}
