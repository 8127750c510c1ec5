// Package usage reports feature usage with a request its caller makes.
package usage

import (
	"github.com/go-resty/resty/v2"

	"example.com/tfshared/client"
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

// ConfigureProvider builds the shared client and reports that the
// provider was configured: the report goes through a client that retries,
// whatever the function around it is called.
func ConfigureProvider(url string) error {
	c, err := client.Build(url, "usage")
	if err != nil {
		return err
	}
	go SendUsage(c.R(), "usage", "configure") // want `POST /api/system/usage sent through usage.SendUsage, which sends it through the client passed to it \(resty's SetRetryCount`
	return nil
}
