// bench is its own module so that `go install ./...` from the repository
// root (what pre-commit's golang hook runs) builds only cmd/twice, not these
// benchmark tools. It uses twice's packages from this checkout.
module github.com/twice-lint/twice/bench

go 1.26.0

require (
	github.com/twice-lint/twice v0.0.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/pelletier/go-toml/v2 v2.4.3 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
)

replace github.com/twice-lint/twice => ../
