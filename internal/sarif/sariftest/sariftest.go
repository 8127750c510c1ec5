// Package sariftest validates SARIF logs against the vendored OASIS SARIF
// 2.1.0 JSON schema. It is for tests only: it pulls in the JSON-schema
// validator, which the twice binary must not link.
package sariftest

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is the schema vendored by the config checker's tests, found
// relative to this package's source (tests always run with the source tree
// present).
func schemaFile() (string, error) {
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("sariftest: cannot locate own source file")
	}
	return filepath.Join(filepath.Dir(self), "..", "..", "..", "configcheck", "testdata", "sarif-schema-2.1.0.json"), nil
}

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	file, err := schemaFile()
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	// uri-reference, date-time … are checked, not just annotated.
	c.AssertFormat()
	// The vendored copy (OASIS SARIF 2.1.0 as committed in AdaCore/sarif-ada)
	// keeps the root object schema under definitions/Root.
	sch, err := c.Compile(file + "#/definitions/Root")
	if err != nil {
		return nil, fmt.Errorf("sariftest: compiling %s: %w", file, err)
	}
	return sch, nil
})

// Validate reports why log (a SARIF document) does not conform to the
// SARIF 2.1.0 schema, or nil when it does.
func Validate(log []byte) error {
	sch, err := compiled()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return fmt.Errorf("sariftest: log is not JSON: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("sariftest: log does not match the SARIF 2.1.0 schema: %w", err)
	}
	return nil
}
