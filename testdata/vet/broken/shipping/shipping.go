// Package shipping compiles and imports nothing broken: its findings must
// still be reported when a sibling package does not type-check.
package shipping

import (
	"net/http"
	"strings"
)

// SendPickupRequest sends the carrier a pickup request, retrying on
// transport errors.
func SendPickupRequest(parcel string) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = http.Post("http://carrier/v1/pickups", "application/json", strings.NewReader(parcel)) // want unsaferetry `(?i)post /v1/pickups`
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}
