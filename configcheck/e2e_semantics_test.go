package configcheck

import "testing"

// semanticsCases are fixture trees about how deployments really run (issue
// 10): how a container starts, who is a PowerJob server, what is unknown,
// how Spring resolves files. Each keeps its text, JSON and SARIF output as
// golden files; silent cases are included.
var semanticsCases = []e2eCase{
	{"container-start", []want{
		{"warning", "container-start/deploy/docker-compose.yml", 7, unath},  // command: is $0 of sh -c
		{"warning", "container-start/deploy/docker-compose.yml", 12, unath}, // JAVA_OPTS not read
		{"warning", "container-start/deploy/docker-compose.yml", 18, unath}, // mount outside Spring's locations
		{"warning", "container-start/deploy/docker-compose.yml", 43, unath}, // custom image keeping the official entrypoint
		{"note", "container-start/deploy/docker-compose.yml", 49, unath},    // entrypoint not in the repository
		{"warning", "container-start/k8s/powerjob-server.yaml", 16, unath},  // args without command
	}, 3},
	// An order-management system with its own oms. keys (and a mounted
	// oms.properties) and no PowerJob anywhere: no server, no finding.
	{"oms-not-powerjob", nil, 0},
	// A server config that does not parse, an active profile that is a
	// Maven token with profile files that disagree, an import of a file on
	// the host (notes), and an unknown profile whose files all agree with
	// the base file (silent).
	{"unknown-values", []want{
		{"note", "unknown-values/broken-server/pom.xml", 10, unath},
		{"error", "unknown-values/broken-server/src/main/resources/application.yml", 4, ""},
		{"note", "unknown-values/token-disagree/src/main/resources/application.yml", 1, unath},
		{"note", "unknown-values/host-file/src/main/resources/application.properties", 1, unath}, // imports a file on the host
	}, 1},
	// Spring Boot 2.4+ resolution: the compose project's committed .env,
	// SPRING_APPLICATION_JSON between PARAMS and JVMOPTIONS, a profile
	// group, and file:./config/*/ over the classpath.
	{"spring-resolution", []want{
		{"warning", "spring-resolution/deploy/docker-compose.yml", 6, unath},  // ${OPENAPI_AUTH:-true} with OPENAPI_AUTH=false in .env
		{"warning", "spring-resolution/deploy/docker-compose.yml", 14, unath}, // SPRING_APPLICATION_JSON
		{"warning", "spring-resolution/jobs/src/main/resources/application-legacy-clients.yml", 5, unath},
		{"warning", "spring-resolution/ops-server/config/prod/application.properties", 2, unath},
	}, 3},
	// A Helm chart whose values pin the server image: templates are not
	// rendered, so notes (the nginx chart is silent).
	{"helm-chart", []want{
		{"note", "helm-chart/billing/pom.xml", 10, dup},
		{"note", "helm-chart/charts/powerjob/values.yaml", 3, unath},
	}, 0},
	// docker-compose.prod.yml (used with -f) enables auth for a service:
	// the base file's finding names it as related information.
	// docker-compose.debug.yml turns auth off for a service that enables it:
	// the service with that file applied is judged on its own.
	{"compose-overlays", []want{
		{"warning", "compose-overlays/deploy/docker-compose.yml", 3, unath},
		{"warning", "compose-overlays/deploy/docker-compose.debug.yml", 5, unath},
	}, 3},
}

func TestSemanticsGolden(t *testing.T) {
	for _, tc := range semanticsCases {
		t.Run(tc.tree, func(t *testing.T) {
			checkText(t, tc)
			js, _, _ := runCLI(t, "-format", "json", tc.tree)
			assertWants(t, decodeJSON(t, js).wants(), tc.want)
			golden(t, goldenFile(tc.tree, ".json"), js)
			goldenSARIF(t, tc.tree)
		})
	}
}
