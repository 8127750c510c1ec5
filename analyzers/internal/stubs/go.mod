// The stubs are GOPATH-style packages (under src/) that testenv copies into
// analysistest's temporary GOPATH. This go.mod only keeps them out of the
// main module, so `go build ./...` and `go vet ./...` do not compile them.
module stubs.invalid

go 1.26
