// Package shipping books shipments with the carrier's REST API through
// resty.
package shipping

import (
	"context"
	"fmt"
	"time"

	"github.com/go-resty/resty/v2"
)

// Shipment is the carrier's booking request.
type Shipment struct {
	Reference string `json:"reference"`
	From, To  string
	WeightG   int
}

// Label is the carrier's answer.
type Label struct {
	TrackingNumber string `json:"tracking_number"`
}

// Carrier is the carrier client.
type Carrier struct {
	api  *resty.Client // retries 3 times
	once *resty.Client // no retries
}

// NewCarrier configures the clients.
func NewCarrier(baseURL, token string) *Carrier {
	api := resty.New().
		SetBaseURL(baseURL).
		SetAuthToken(token).
		SetTimeout(10 * time.Second).
		SetRetryCount(3).
		SetRetryWaitTime(500 * time.Millisecond)
	once := resty.New().SetBaseURL(baseURL).SetAuthToken(token)
	return &Carrier{api: api, once: once}
}

// Book posts a shipment through the retrying client: the carrier books a
// second shipment when an attempt timed out after booking.
func (c *Carrier) Book(ctx context.Context, s Shipment) (*Label, error) {
	var label Label
	resp, err := c.api.R(). // check `POST /v1/shipments sent through resty's SetRetryCount .*runs again on every retry`
				SetContext(ctx).
				SetBody(s).
				SetResult(&label).
				Post("/v1/shipments")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, fmt.Errorf("booking %s: %s", s.Reference, resp.String())
	}
	return &label, nil
}

// Track reads tracking events through the retrying client.
func (c *Carrier) Track(ctx context.Context, number string) (string, error) {
	resp, err := c.api.R().SetContext(ctx).SetPathParam("n", number).Get("/v1/tracking/{n}")
	if err != nil {
		return "", err
	}
	return resp.String(), nil
}

// UpdateAddress replaces the address: PUT is idempotent.
func (c *Carrier) UpdateAddress(ctx context.Context, number, to string) error {
	_, err := c.api.R().SetContext(ctx).SetBody(map[string]string{"to": to}).Put("/v1/shipments/" + number + "/address")
	return err
}

// Cancel posts through the client without retries: one attempt.
func (c *Carrier) Cancel(ctx context.Context, number string) error {
	_, err := c.once.R().SetContext(ctx).Post("/v1/shipments/" + number + "/cancel")
	return err
}

// BookWithReference sends the shipment reference as Idempotency-Key.
func (c *Carrier) BookWithReference(ctx context.Context, s Shipment) (*Label, error) {
	var label Label
	_, err := c.api.R().
		SetContext(ctx).
		SetHeader("Idempotency-Key", "shipment-"+s.Reference).
		SetBody(s).
		SetResult(&label).
		Post("/v1/shipments")
	return &label, err
}
