// Package gossip is a cluster-membership library: joining exchanges state
// with known nodes and lets the application veto a merge through a
// delegate it implements; announcing sends through a transport the
// application plugs in.
package gossip

import "errors"

type Node struct{ Name, Addr string }

// MergeDelegate is implemented by the application and called back before
// remote state is merged.
type MergeDelegate interface {
	NotifyMerge(peers []*Node) error
}

// Transport is implemented by the application and carries packets.
type Transport interface {
	SendPacket(addr string, payload []byte) error
}

type List struct {
	merge     MergeDelegate
	transport Transport
	nodes     []*Node
}

// Join contacts the known nodes and merges their state.
func (l *List) Join(known []string) (int, error) {
	peers := make([]*Node, 0, len(known))
	for _, addr := range known {
		peers = append(peers, &Node{Addr: addr})
	}
	if l.merge != nil {
		if err := l.merge.NotifyMerge(peers); err != nil {
			return 0, errors.New("gossip: merge vetoed")
		}
	}
	l.nodes = append(l.nodes, peers...)
	return len(peers), nil
}

// Announce sends a user message to every node.
func (l *List) Announce(msg []byte) error {
	for _, n := range l.nodes {
		if err := l.transport.SendPacket(n.Addr, msg); err != nil {
			return err
		}
	}
	return nil
}
