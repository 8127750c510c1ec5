// Package charge is a stub of github.com/stripe/stripe-go/v76/charge.
package charge

import stripe "github.com/stripe/stripe-go/v76"

func New(params *stripe.ChargeParams) (*stripe.Charge, error) { return &stripe.Charge{}, nil }
func Get(id string, params *stripe.ChargeParams) (*stripe.Charge, error) {
	return &stripe.Charge{}, nil
}
