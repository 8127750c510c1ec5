package settle

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// Charges is the payment provider's client.
type Charges struct {
	hc   *http.Client
	base string
}

// Create posts one charge.
func (c *Charges) Create(ctx context.Context, orderID string, cents int64) error {
	body := strings.NewReader(fmt.Sprintf(`{"order":%q,"amount":%d}`, orderID, cents))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/charges", body)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
