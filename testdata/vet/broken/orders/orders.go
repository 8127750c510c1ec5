// Package orders type-checks, but imports the broken inventory package:
// it cannot be analyzed (its dependency has no facts), and twice must say
// so instead of reporting nothing for it.
package orders

import (
	"net/http"
	"strings"

	"example.com/broken/inventory"
)

// Place records an order and restocks.
func Place(sku string) error {
	for i := 0; i < 3; i++ {
		resp, err := http.Post("http://orders/v1/orders", "application/json", strings.NewReader(sku))
		if err == nil {
			resp.Body.Close()
			break
		}
	}
	return inventory.Restock(sku)
}
