// Package usage reports feature usage with a request its caller makes.
package usage

import (
	"github.com/go-resty/resty/v2"
)

type report struct {
	Product  string   `json:"productId"`
	Features []string `json:"features"`
}

// SendUsage posts a usage report through req.
func SendUsage(req *resty.Request, product string, features ...string) error {
	_, err := req.SetBody(report{product, features}).Post("api/system/usage")
	return err
}
