package main

import (
	"io"
	"strings"

	"github.com/twice-lint/twice/configcheck"
)

// ruleDoc is what `twice help` shows of a config rule.
type ruleDoc struct {
	ID      string // rule id, also the README anchor
	Level   string // default severity
	Summary string // one line
	Help    string // what it means and how to fix it
}

// runConfig implements `twice config …`: the config checker owns its flags,
// output formats and exit codes (0 clean, 3 findings, 1 input errors, 2
// usage); the binary only supplies its version for SARIF.
func runConfig(args []string, stdout, stderr io.Writer) int {
	return configcheck.MainWithVersion(args, stdout, stderr, toolVersion())
}

// configRules lists the config checker's rules for `twice help`.
func configRules() []ruleDoc {
	var docs []ruleDoc
	for _, r := range configcheck.Rules() {
		docs = append(docs, ruleDoc{
			ID:      r.ID,
			Level:   string(r.DefaultSeverity),
			Summary: r.ShortDescription,
			Help:    strings.TrimSpace(r.FullDescription + "\n\n" + r.Help),
		})
	}
	return docs
}
