// Package nodeagent sets up a node at start-up, retrying the rule setup.
// The managers are built here by the constructors of packages twice
// analyzed: the calls are judged by what those packages' types do.
package nodeagent

import (
	"time"

	"example.com/hostrules"
	"example.com/hostrules/remote"
	"github.com/cenkalti/backoff/v4"
)

// Start programs the local rules: a repeat converges to the same rules.
func Start(nft bool, rules []string) error {
	host, err := hostrules.New(nft, rules)
	if err != nil {
		return err
	}
	return backoff.Retry(func() error {
		host.DeleteHostRules()
		return host.CreateHostRules()
	}, backoff.WithMaxRetries(backoff.NewConstantBackOff(2*time.Second), 10))
}

// Register files the node's rules in the policy service: a repeat files a
// second rule set.
func Register(base, node string) error {
	m := remote.New(base, node)
	return backoff.Retry(func() error {
		return m.CreateHostRules() // want `RuleManager\.CreateHostRules .* inside backoff\.Retry`
	}, backoff.WithMaxRetries(backoff.NewConstantBackOff(2*time.Second), 10))
}

// Configure programs rules through a manager its caller passes, which
// may be of any type: judged by the method's name.
func Configure(m hostrules.RuleManager) error {
	return backoff.Retry(func() error {
		return m.CreateHostRules() // want `RuleManager\.CreateHostRules \(an interface method with no body twice can see, named like a create\)`
	}, backoff.WithMaxRetries(backoff.NewConstantBackOff(2*time.Second), 10))
}
