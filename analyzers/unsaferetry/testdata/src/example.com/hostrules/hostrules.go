// Package hostrules programs a node's firewall. Its exported interface
// can be implemented anywhere, but the values its constructor returns are
// of its own types: rule programming on the local host, with nothing
// remote whose outcome could be lost.
package hostrules

import (
	"os/exec"
	"strings"
)

// RuleManager sets up and tears down the host's rules.
type RuleManager interface {
	CreateHostRules() error
	DeleteHostRules()
}

type iptablesManager struct{ rules []string }

func (m *iptablesManager) CreateHostRules() error {
	cmd := exec.Command("iptables-restore", "--noflush")
	cmd.Stdin = strings.NewReader(strings.Join(m.rules, "\n"))
	return cmd.Run()
}

func (m *iptablesManager) DeleteHostRules() { _ = exec.Command("iptables", "-F", "HOST").Run() }

type nftablesManager struct{ table string }

func (m *nftablesManager) CreateHostRules() error {
	return exec.Command("nft", "-f", m.table).Run()
}

func (m *nftablesManager) DeleteHostRules() {}

// New returns the manager for the backend the node uses.
func New(nft bool, rules []string) (RuleManager, error) {
	if nft {
		return &nftablesManager{table: "inet host"}, nil
	}
	return &iptablesManager{rules: rules}, nil
}
