package main

import (
	"fmt"
	"io"
)

// ruleDoc documents one config rule for `twice help`.
type ruleDoc struct {
	ID      string // rule id, also the README anchor
	Level   string // default severity
	Summary string // one line
	Help    string // what it means and how to fix it
}

// runConfig implements `twice config …` by handing over to the config
// checker. TEMPORARY bridge until configcheck.Main lands.
func runConfig(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "twice config: the config checker is not built into this binary yet")
	return exitError
}

// configRules lists the config checker's rules. TEMPORARY until configcheck
// exports its rule list.
func configRules() []ruleDoc {
	return nil
}
