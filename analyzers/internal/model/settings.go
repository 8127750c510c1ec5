package model

import (
	"flag"
	"fmt"
	"strings"
)

// Settings are the user-tunable options shared by every twice analyzer. The
// command-line flags (-unsaferetry.retryfuncs …) and the golangci-lint plugin
// settings both fill one of these; analyzers never read files or the
// environment, because go vet caches results by tool and flags only.
type Settings struct {
	// RetryFuncs are extra retry helpers by full name, e.g.
	// "example.com/x/retry.Do" or "(*example.com/x/retry.Retrier).Run":
	// their func-typed arguments are retry scopes.
	RetryFuncs []string
	// Mutating are functions or methods (full names) that perform a
	// non-idempotent write, in addition to the built-in table.
	Mutating []string
	// Idempotent are functions or methods (full names) that are safe to
	// repeat, overriding the built-in table and the name heuristics.
	Idempotent []string
	// Tests reports findings in _test.go files too. By default a test's
	// retries are not reported: they talk to test servers and fakes, and a
	// duplicate there harms nothing a user runs. Their functions still
	// count through facts either way.
	Tests bool
	// Confidence is "high" (the default, also for ""): report only writes
	// whose repeat the code shows duplicates something (publishes, e-mails,
	// appends, increments, SQL INSERTs, sends by a sender). "low" also
	// reports the writes whose repeat the server decides (HTTP and RPC
	// creates, creates under a caller-chosen name, actions, updates), each
	// with what to check.
	Confidence string
}

// Confidence levels.
const (
	ConfidenceHigh = "high"
	ConfidenceLow  = "low"
)

// confidenceFlag is a flag.Value accepting high or low.
type confidenceFlag struct{ v *string }

func (c confidenceFlag) String() string {
	if c.v == nil || *c.v == "" {
		return ConfidenceHigh
	}
	return *c.v
}

func (c confidenceFlag) Set(v string) error {
	switch v {
	case ConfidenceHigh, ConfidenceLow:
		*c.v = v
		return nil
	}
	return fmt.Errorf("confidence must be high or low, not %q", v)
}

// listFlag is a flag.Value for a comma-separated list that may also be
// given several times.
type listFlag struct{ list *[]string }

func (l listFlag) String() string {
	if l.list == nil {
		return ""
	}
	return strings.Join(*l.list, ",")
}

func (l listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			if err := checkFullName(s); err != nil {
				return err
			}
			*l.list = append(*l.list, s)
		}
	}
	return nil
}

// RegisterFlags binds s to fs, so that -NAME.retryfuncs etc. fill it.
func (s *Settings) RegisterFlags(fs *flag.FlagSet) {
	fs.Var(listFlag{&s.RetryFuncs}, "retryfuncs", "comma-separated full names of extra retry helpers whose func arguments are retried, e.g. example.com/x/retry.Do")
	fs.Var(listFlag{&s.Mutating}, "mutating", "comma-separated full names of functions that perform a non-idempotent write, e.g. (*example.com/x/billing.Client).Charge")
	fs.Var(listFlag{&s.Idempotent}, "idempotent", "comma-separated full names of functions that are safe to repeat (overrides built-in tables and name heuristics)")
	fs.BoolVar(&s.Tests, "tests", s.Tests, "also report findings in _test.go files (by default a test's retries against test servers are not reported)")
	fs.Var(confidenceFlag{&s.Confidence}, "confidence", "high: report only retried writes whose repeat the code shows duplicates something (publishes, e-mails, appends, increments, SQL INSERTs, notifications and webhooks); low: also report those whose repeat the server decides (HTTP and RPC creates, creates under a caller-chosen name, actions, updates), each saying what to check")
}
