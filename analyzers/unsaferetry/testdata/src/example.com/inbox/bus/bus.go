// Package bus is the delivery interface an inbox forwards digests to; any
// importer may implement it, so twice cannot see what Deliver does.
package bus

import "context"

// Deliverer hands a payload to a downstream system.
type Deliverer interface {
	Deliver(ctx context.Context, payload []byte) error
}
