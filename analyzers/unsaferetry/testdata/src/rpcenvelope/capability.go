package rpcenvelope

import (
	"context"
	"errors"

	"github.com/avast/retry-go/v4"
)

// A capability-RPC client: generated stubs describe each call by its
// interface and method, and one hook, implemented by the RPC library
// elsewhere, sends them all.

type MethodDesc struct {
	InterfaceID   uint64
	MethodID      uint16
	InterfaceName string
	MethodName    string
}

type Call struct {
	Method    MethodDesc
	PlaceArgs func(params []byte) error
}

type Answer struct{ err error }

func (a *Answer) Struct() ([]byte, error) { return nil, a.err }

type ClientHook interface {
	Send(ctx context.Context, c Call) (*Answer, func())
}

var ErrDisconnected = errors.New("disconnected")

// Store is a generated stub: Append is whatever the remote method does,
// which its name alone does not show.
type Store struct{ hook ClientHook }

func (s Store) Append(ctx context.Context, place func([]byte) error) (*Answer, func()) {
	return s.hook.Send(ctx, Call{
		Method:    MethodDesc{InterfaceID: 0xa1b2c3, MethodID: 0, InterfaceName: "store.capnp:Store", MethodName: "append"},
		PlaceArgs: place,
	})
}

// AppendSamples re-sends after a disconnect: silent, the transport's Send
// is a generic sender whose call names its own method.
func AppendSamples(ctx context.Context, s Store, samples []byte) error {
	return retry.Do(func() error {
		ans, release := s.Append(ctx, func(p []byte) error { copy(p, samples); return nil })
		defer release()
		_, err := ans.Struct()
		return err
	})
}

// SendDirect retries the hook itself: silent for the same reason.
func SendDirect(ctx context.Context, h ClientHook, c Call) error {
	return retry.Do(func() error {
		ans, release := h.Send(ctx, c)
		defer release()
		_, err := ans.Struct()
		return err
	})
}
