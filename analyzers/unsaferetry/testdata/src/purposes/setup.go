package purposes

import (
	"context"
	"time"
)

// RuleManager is a node agent's seam over its host firewall: the
// implementation is chosen at start-up (iptables or nftables) and
// programs rules in the host network namespace.
type RuleManager interface {
	CreateHostRules() error
	CreateSession(ctx context.Context) (string, error)
	CreateRule(ctx context.Context, rule FirewallRule) (string, error)
}

// FirewallRule is what CreateRule is given to make a rule from.
type FirewallRule struct {
	Port    int
	Comment string
}

// ProgramHost retries the set-up: a create given nothing to create from
// sets up the same rules again, so only a check is worth saying.
func ProgramHost(rules RuleManager) error {
	var err error
	for attempt := 0; attempt < 10; attempt++ {
		if err = rules.CreateHostRules(); err == nil { // check: sets up the host rules
			return nil
		}
		time.Sleep(2 * time.Second)
	}
	return err
}

// OpenSession opens a session with a context only: a repeat opens another.
func OpenSession(ctx context.Context, rules RuleManager) (string, error) {
	var id string
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if id, err = rules.CreateSession(ctx); err == nil { // check: opens a session
			return id, nil
		}
	}
	return "", err
}

// AddRule is given the rule to make, and the server names it: a lost
// reply leaves a second rule.
func AddRule(ctx context.Context, rules RuleManager, port int) (string, error) {
	var id string
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if id, err = rules.CreateRule(ctx, FirewallRule{Port: port, Comment: "health"}); err == nil { // check: only a name (no body twice can see) says it adds something
			return id, nil
		}
	}
	return "", err
}
