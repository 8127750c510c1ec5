package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/twice-lint/twice/analyzers"
)

// settings are what initializationOptions and
// workspace/didChangeConfiguration may set, either at the top level or
// under a "twice" key:
//
//	{"unsaferetry": {"retryfuncs": [...], "mutating": [...], "idempotent": [...],
//	                 "tests": false, "confidence": "high"},
//	 "failOn": "warning"}
//
// The lists are the -unsaferetry.* flags of the command line. failOn, like
// -fail-on, names the level from which a finding would fail the build: such
// findings are shown as errors; unset or "none" keeps each rule's severity.
type settings struct {
	Unsaferetry struct {
		RetryFuncs []string `json:"retryfuncs"`
		Mutating   []string `json:"mutating"`
		Idempotent []string `json:"idempotent"`
		Tests      bool     `json:"tests"`
		Confidence string   `json:"confidence"`
	} `json:"unsaferetry"`
	FailOn string `json:"failOn"`
}

// parseSettings reads settings from raw JSON (null or empty: defaults).
func parseSettings(raw json.RawMessage) (settings, error) {
	var s settings
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return s, nil
	}
	var wrapped struct {
		Twice json.RawMessage `json:"twice"`
	}
	if err := json.Unmarshal(raw, &wrapped); err != nil {
		return s, fmt.Errorf("settings: %w", err)
	}
	if len(wrapped.Twice) > 0 && !bytes.Equal(wrapped.Twice, []byte("null")) {
		raw = wrapped.Twice
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return settings{}, fmt.Errorf("settings: %w", err)
	}
	if !slices.Contains([]string{"", "high", "low"}, s.Unsaferetry.Confidence) {
		return settings{}, fmt.Errorf("settings: unsaferetry.confidence %q: want high or low", s.Unsaferetry.Confidence)
	}
	if !slices.Contains([]string{"", "none", "note", "warning", "error"}, s.FailOn) {
		return settings{}, fmt.Errorf("settings: failOn %q: want error, warning, note or none", s.FailOn)
	}
	return s, nil
}

// analyzerSettings are the analyzers' options.
func (s settings) analyzerSettings() analyzers.Settings {
	return analyzers.Settings{
		RetryFuncs: s.Unsaferetry.RetryFuncs,
		Mutating:   s.Unsaferetry.Mutating,
		Idempotent: s.Unsaferetry.Idempotent,
		Tests:      s.Unsaferetry.Tests,
		Confidence: s.Unsaferetry.Confidence,
	}
}

// severity maps a finding's level ("error", "warning", "note") to an LSP
// severity, raised to an error when failOn says it fails the build.
func (s settings) severity(level string) int {
	rank := map[string]int{"note": 1, "warning": 2, "error": 3}
	if t := rank[s.FailOn]; t > 0 && rank[level] >= t {
		return severityError
	}
	switch level {
	case "error":
		return severityError
	case "warning":
		return severityWarning
	}
	return severityInformation
}
