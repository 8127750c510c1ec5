// Package shop uses the orders client from another package: the facts of
// orders' methods travel with it.
package shop

import (
	"context"

	"example.com/orders"
)

type Checkout struct {
	orders *orders.Client
}

// Place returns early when the order already exists (check-before-create).
func (s *Checkout) Place(ctx context.Context, o orders.Order) error {
	if err := s.orders.GetOrder(ctx, o.ID); err == nil {
		return nil
	}
	if err := s.orders.ReplaceOrder(ctx, o); err != nil {
		return err
	}
	if err := s.orders.CancelOrder(ctx, o.ID); err != nil {
		return err
	}
	return s.orders.CreateOrder(ctx, o) // want `mutating: Client.CreateOrder \(POST /v1/orders\); create-if-missing$`
}

func (s *Checkout) Refund(ctx context.Context, id string) error {
	return s.orders.Refund(ctx, id) // want `mutating: Client.Refund \(POST /v1/orders/\{…\}/refunds\)$`
}

func (s *Checkout) PlaceKeyed(ctx context.Context, o orders.Order, key string) error {
	return s.orders.CreateOrderKeyed(ctx, o, key) // want `mutating: Client.CreateOrderKeyed \(POST /v1/orders\); key idempotency key argument \(stable\)$`
}
