package rpcenvelope

import (
	"context"

	"github.com/avast/retry-go/v4"
)

// Header names the operation a message carries, as JSON-RPC does.
type Header struct {
	Method string
}

// Notification is a one-way message; its Method says what it does
// ("notifications/cancelled", "notifications/progress").
type Notification struct {
	Header
	Params map[string]any
}

// Alert is a page sent to the people on call: the name of the sender is
// all twice has to judge it by.
type Alert struct {
	Text     string
	Severity int
}

// Notifier sends messages over the same pluggable transports.
type Notifier interface {
	SendNotification(ctx context.Context, n Notification) error
	SendAlert(ctx context.Context, a Alert) error
}

// Cancel tells the peer a request was abandoned: the notification names
// its operation, the sender is generic (silent).
func Cancel(ctx context.Context, n Notifier, id string) error {
	return retry.Do(func() error {
		return n.SendNotification(ctx, Notification{Header: Header{Method: "notifications/cancelled"}, Params: map[string]any{"requestId": id}})
	})
}

// Page sends an alert; a repeat pages twice (reported).
func Page(ctx context.Context, n Notifier, text string) error {
	return retry.Do(func() error {
		return n.SendAlert(ctx, Alert{Text: text, Severity: 1}) // want `Notifier\.SendAlert \(an interface method with no body twice can see, named like a send\) inside retry\.Do`
	})
}
