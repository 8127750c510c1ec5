// Package app uses the generated widgets client: the SDK method that
// sends a POST through the runtime's retrier is reported at its call.
package app

import (
	"context"

	"example.com/gensdk/widgets"
)

// Notify re-sends a widget's notification.
func Notify(ctx context.Context, c *widgets.Client, id string) error {
	return c.Resend(ctx, id) // want `POST /widgets/\{…\}/notifications`
}

// Page reads a page of widgets.
func Page(ctx context.Context, c *widgets.Client) ([]*widgets.Widget, error) {
	return c.List(ctx, "2")
}
