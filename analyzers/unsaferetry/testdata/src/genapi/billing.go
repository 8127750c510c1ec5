// Package genapi wraps a generated API client. The generated file is never
// reported; the hand-written retry around its POST is.
package genapi

import (
	"context"
	"time"
)

// Biller issues invoices through the generated client.
type Biller struct {
	api *APIClient
}

// Issue retries the generated CreateInvoice on any error.
func (b *Biller) Issue(ctx context.Context, body []byte) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		resp, err2 := b.api.CreateInvoice(ctx, body) // want `APIClient.CreateInvoice \(POST .*/v1/invoices\) inside a retry loop runs again on every retry`
		if err2 == nil {
			resp.Body.Close()
			return nil
		}
		err = err2
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}
