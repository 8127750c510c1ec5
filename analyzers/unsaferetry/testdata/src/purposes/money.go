package purposes

import "net/http"

// Payments is a payment provider's API. A charge, payment, transfer or
// refund created twice moves the money twice, and such APIs deduplicate
// only by an idempotency key: these creates are reported by default,
// whether the name or only the path says what they make. A create of
// something else, read from the same evidence, is a check.
type Payments struct{ client *Client }

// Charge captures an amount: the name alone says it moves money.
func (p *Payments) Charge(orderID string, cents int64) error {
	r, err := p.client.NewRequest(http.MethodPost, "/v1/charges", map[string]any{"order_id": orderID, "amount": cents})
	if err != nil {
		return err
	}
	_, err = p.client.Do(r) // want `POST /v1/charges is retried by Client\.Do`
	return err
}

// New creates a book transfer: the generic name says nothing, the path's
// collection is a record of money moved.
func (p *Payments) New(from, to string, cents int64) error {
	r, err := p.client.NewRequest(http.MethodPost, "/v1/book_transfers", map[string]any{"from": from, "to": to, "amount": cents})
	if err != nil {
		return err
	}
	_, err = p.client.Do(r) // want `POST /v1/book_transfers is retried by Client\.Do`
	return err
}

// CreateRefund refunds part of a charge.
func (p *Payments) CreateRefund(chargeID string, cents int64) error {
	r, err := p.client.NewRequest(http.MethodPost, "/v1/charges/"+chargeID+"/refunds", map[string]any{"amount": cents})
	if err != nil {
		return err
	}
	_, err = p.client.Do(r) // want `POST /v1/charges/\{…\}/refunds is retried by Client\.Do`
	return err
}

// CreateCustomer makes a customer record: a create, not money, so what a
// repeat does is the API's rule.
func (p *Payments) CreateCustomer(email string) error {
	r, err := p.client.NewRequest(http.MethodPost, "/v1/customers", map[string]any{"description": email})
	if err != nil {
		return err
	}
	_, err = p.client.Do(r) // check: a create of something other than money
	return err
}

// TransferOwnership hands an account to another user: the noun is not
// the money-moving transfer, so it is judged like any action.
func (p *Payments) TransferOwnership(accountID, userID string) error {
	r, err := p.client.NewRequest(http.MethodPost, "/v1/accounts/"+accountID+"/owner", map[string]any{"user": userID})
	if err != nil {
		return err
	}
	_, err = p.client.Do(r) // check: an action on an account, not money moved
	return err
}
