package namedcreate

import (
	"context"

	"github.com/avast/retry-go/v4"
)

// Optional is how generated SDKs wrap a field that may be left out
// (Fern's core.Optional[T]).
type Optional[T any] struct {
	Value T
	Null  bool
}

// Some wraps a value.
func Some[T any](v T) *Optional[T] { return &Optional[T]{Value: v} }

type ConnectionRequest struct {
	Name     *Optional[string]
	SourceID *Optional[string]
}

type Connections interface {
	CreateConnection(ctx context.Context, in *ConnectionRequest) error
}

// NamedConnection passes a name the API does not require: a field left
// optional is a label, not a key a second create would be refused under
// (a contract's or a customer's display name), so the create is judged as
// an unnamed one.
func NamedConnection(ctx context.Context, c Connections, name string) error {
	return retry.Do(func() error {
		return c.CreateConnection(ctx, &ConnectionRequest{Name: Some(name)}) // want `Connections\.CreateConnection`
	})
}

// UnnamedConnection names only the source it connects: a second
// connection.
func UnnamedConnection(ctx context.Context, c Connections, source string) error {
	return retry.Do(func() error {
		return c.CreateConnection(ctx, &ConnectionRequest{SourceID: Some(source)}) // want `Connections\.CreateConnection`
	})
}
