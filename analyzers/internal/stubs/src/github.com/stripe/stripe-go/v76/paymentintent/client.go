// Package paymentintent is a stub of
// github.com/stripe/stripe-go/v76/paymentintent.
package paymentintent

import stripe "github.com/stripe/stripe-go/v76"

func New(params *stripe.PaymentIntentParams) (*stripe.PaymentIntent, error) {
	return &stripe.PaymentIntent{}, nil
}
func Get(id string, params *stripe.PaymentIntentParams) (*stripe.PaymentIntent, error) {
	return &stripe.PaymentIntent{}, nil
}
func Confirm(id string, params *stripe.PaymentIntentParams) (*stripe.PaymentIntent, error) {
	return &stripe.PaymentIntent{}, nil
}
