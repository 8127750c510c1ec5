// Package inventory does not type-check (a half-finished refactoring):
// twice must report the error, keep going, and exit 1.
package inventory

import "net/http"

// Restock posts a restock order.
func Restock(sku string) error {
	_, err := http.Post("http://warehouse/restock", "text/plain", sku)
	return err
}
