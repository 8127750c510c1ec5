// eval is its own module so that `go install ./...` from the repository
// root (what pre-commit's golang hook runs) builds only cmd/twice, not the
// evaluation tools.
module github.com/twice-lint/twice/eval

go 1.26.0
