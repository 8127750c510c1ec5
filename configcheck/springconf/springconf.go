// Package springconf parses Spring Boot property sources — .properties files
// and (multi-document) YAML — into flat, dotted key/value entries that keep
// the source position of every key, and implements the parts of Spring Boot's
// semantics the config checker needs to decide what value a server really
// sees: profile activation, relaxed binding of property names and environment
// variables, ${...} placeholder expansion and boolean conversion.
//
// Nothing here executes or fetches anything; every parser is bounded in depth
// and output size and reports malformed input as *source.Error.
package springconf

import (
	"errors"

	"github.com/twice-lint/twice/configcheck/source"
)

// Entry is one key/value of a Spring property source.
type Entry struct {
	// Key as written, dotted: YAML nested keys are joined with "." (sequence
	// items as key[0]); a .properties key is unescaped.
	Key string
	// Value is the scalar text after unescaping/unquoting; "" for null or
	// empty. Only leaves are emitted: YAML maps and sequences produce no Entry.
	Value string
	// Pos is the position of the leaf key: for .properties the line/col of
	// the first line of the (possibly continued) entry; for YAML the leaf key
	// token (e.g. `enable:`), or the item itself for a sequence element.
	Pos source.Pos
	// Opaque marks a value that is a Maven resource-filter token such as
	// @profiles.active@: its real value is only known at build time.
	Opaque bool
}

// Document is one document of a property source. A .properties file has one,
// or several separated by `#---`/`!---` lines (Spring Boot 2.4+).
type Document struct {
	Entries []Entry
	// OnProfile is the raw activation expression taken from
	// spring.config.activate.on-profile, or the legacy spring.profiles;
	// "" means the document is always active.
	OnProfile    string
	OnProfilePos source.Pos
}

// File is a parsed property source.
type File struct {
	Path string
	Docs []Document
}

// ErrTemplate is returned (possibly wrapped) by ParseYAML when the data
// contains "{{" and does not parse as YAML: it is a Go/Helm template, which
// callers skip silently.
var ErrTemplate = errors.New("springconf: go/helm template, not plain YAML")
