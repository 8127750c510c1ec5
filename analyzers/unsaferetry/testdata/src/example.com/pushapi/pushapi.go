// Package pushapi declares an exported interface with no implementation
// in the analyzed program: its Send is judged by its name only.
package pushapi

import "context"

type Pusher interface {
	Send(ctx context.Context, data []byte) error
}
