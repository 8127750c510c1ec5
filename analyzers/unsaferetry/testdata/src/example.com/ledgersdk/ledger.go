// Package ledgersdk is a generated ledger API client whose request core
// keys every write: its creates are silent.
package ledgersdk

import (
	"context"
	"net/http"

	"example.com/ledgersdk/internal/requestconfig"
)

type EntryService struct {
	Options []requestconfig.RequestOption
}

type EntryNewParams struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

type Entry struct{ ID string }

// New posts a ledger entry; the API drops a repeat with the same key.
func (r *EntryService) New(ctx context.Context, body EntryNewParams, opts ...requestconfig.RequestOption) (res *Entry, err error) {
	opts = append(r.Options[:], opts...)
	err = requestconfig.ExecuteNewRequest(ctx, http.MethodPost, "v1/entries", body, &res, opts...)
	return
}
