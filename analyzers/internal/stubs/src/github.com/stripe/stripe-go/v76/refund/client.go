// Package refund is a stub of github.com/stripe/stripe-go/v76/refund.
package refund

import stripe "github.com/stripe/stripe-go/v76"

func New(params *stripe.RefundParams) (*stripe.Refund, error) { return &stripe.Refund{}, nil }
