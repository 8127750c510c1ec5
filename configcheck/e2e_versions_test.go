package configcheck

// versionCases (issue 10, item 5): versions judged by what they admit. One
// server, a 5.1.0-SNAPSHOT image (a build of 5.1.0: auth disabled by
// default, not "no auth at all"); clients with a Maven range admitting
// 5.1.x (related location at its <version> line), a 4.x-only range
// (silent), Gradle 5.+ and latest.release (5.1.x), 5.0.+ (the 5.0 message),
// a 5.1.0-RC1 pre-release, a version imported from a BOM outside the
// repository (a note naming it), and a Gradle module versioned by the
// constraints of an in-repository platform(project(":platform")). Run with the semantics cases: text, JSON
// and SARIF goldens.
var versionCases = []e2eCase{
	{"versions", []want{
		{"warning", "versions/deploy/docker-compose.yml", 5, unath},
		{"warning", "versions/dynamic-gradle/build.gradle", 7, dup},
		{"note", "versions/external-bom/pom.xml", 26, dup},
		{"warning", "versions/gradle-platform/app/build.gradle.kts", 8, dup}, // version from platform(project(":platform")) constraints
		{"note", "versions/gradle-undefined/build.gradle", 7, dup},           // a -P property: note naming it
		{"warning", "versions/latest-kotlin/build.gradle.kts", 6, dup},
		{"warning", "versions/latest-kotlin/build.gradle.kts", 8, dup},
		{"warning", "versions/range-maven/pom.xml", 11, dup},
		{"warning", "versions/snapshot-client/pom.xml", 10, dup},
	}, 3},
}

func init() { semanticsCases = append(semanticsCases, versionCases...) }
