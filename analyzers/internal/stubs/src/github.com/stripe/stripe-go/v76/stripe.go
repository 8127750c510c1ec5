// Package stripe is a stub of github.com/stripe/stripe-go/v76 for analyzer
// tests: the real signatures of the functions twice matches.
package stripe

import "context"

var Key string

type Params struct {
	Context        context.Context `form:"-"`
	IdempotencyKey *string         `form:"-"`
	Metadata       map[string]string
}

func (p *Params) SetIdempotencyKey(val string) { p.IdempotencyKey = &val }

func String(v string) *string { return &v }
func Int64(v int64) *int64    { return &v }

type ChargeParams struct {
	Params   `form:"*"`
	Amount   *int64
	Currency *string
	Customer *string
	Source   *string
}

type Charge struct {
	ID     string
	Amount int64
}

type PaymentIntentParams struct {
	Params   `form:"*"`
	Amount   *int64
	Currency *string
	Customer *string
}

type PaymentIntent struct{ ID string }

type RefundParams struct {
	Params        `form:"*"`
	Charge        *string
	PaymentIntent *string
}

type Refund struct{ ID string }

type Error struct {
	Code           string
	HTTPStatusCode int
	Msg            string
}

func (e *Error) Error() string { return e.Msg }
