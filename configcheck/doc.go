// Package configcheck implements `twice config`: it reads a repository's
// Spring Boot config, Maven/Gradle manifests, docker-compose files,
// Kubernetes manifests and Dockerfiles, finds the PowerJob servers and
// clients they define, works out each server's effective
// oms.auth.openapi.enable, and reports two rules:
//
//   - duplicate-openapi-request: a powerjob-client 5.x dependency in a project
//     whose server has OpenAPI auth disabled (server 5.1.0 then makes the
//     client send every OpenAPI write twice);
//   - unauthenticated-openapi: a server with OpenAPI auth disabled
//     (CVE-2025-11581).
//
// The pipeline, file by file:
//
//	scan.go        Scan: walk (internal/walk) and parse in parallel, keep facts, not bytes
//	files.go       which parser reads a file; Spring file names (role, profile)
//	inventory.go   the parsed facts indexed; manifests resolved together
//	overrides.go   docker-compose.override.yml merged into its base services
//	servers.go     servers: module config trees (with imports), containers (args, env, mounts)
//	effective.go   Spring Boot precedence: args > -D > env > profile files > base files > default
//	checks.go      the two rules and their messages
//	report.go      Finding, InputError, Report, exit codes
//	output.go      text, JSON (JSONReport, docs/config-json.md) and SARIF 2.1.0 (internal/sarif)
//	main.go        Main: flags, progress line, exit codes
//	rules.go       Rules(): rule metadata for help and SARIF
//
// Nothing is executed or fetched, nothing is written to the scanned tree, and
// when a value cannot be known from the repository the result is a note that
// says what to check, never a warning.
package configcheck
