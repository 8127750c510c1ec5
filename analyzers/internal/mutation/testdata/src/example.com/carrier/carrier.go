// Package carrier books shipments through resty (v2 and v3): request
// chains sent with Post/Patch/Put/…, Execute with a method constant, and
// Idempotency-Key / If-Match headers set in the chain or on a request
// variable.
package carrier

import (
	"context"
	"net/http"

	"github.com/go-resty/resty/v2"
	"github.com/google/uuid"
	restyv3 "resty.dev/v3"
)

const shipmentsPath = "/v1/shipments"

type Carrier struct {
	api  *resty.Client
	v3   *restyv3.Client
	hc   *http.Client
	base string
}

// shipmentURL is a URL builder: its returned expression describes the
// requests built from it.
func (c *Carrier) shipmentURL(id string) string { return c.base + shipmentsPath + "/" + id }

func (c *Carrier) AddLabel(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, c.shipmentURL(id)+"/labels", nil)
	if err != nil {
		return err
	}
	_, err = c.hc.Do(req) // want `mutating: PATCH /v1/shipments/\{…\}/labels$`
	return err
}

func (c *Carrier) Book(ctx context.Context, body any) error {
	_, err := c.api.R().SetContext(ctx).SetBody(body).Post(shipmentsPath) // want `mutating: POST /v1/shipments$`
	return err
}

func (c *Carrier) BookWithKey(ctx context.Context, ref string, body any) error {
	_, err := c.api.R().SetContext(ctx).SetHeader("Idempotency-Key", "shipment-"+ref).SetBody(body).Post(shipmentsPath) // want `mutating: POST /v1/shipments; key Idempotency-Key \(stable\)$`
	return err
}

func (c *Carrier) BookWithFreshKey(ctx context.Context, body any) error {
	r := c.api.R().SetContext(ctx)
	r.SetHeader("X-Idempotency-Key", uuid.NewString())
	_, err := r.SetBody(body).Post(shipmentsPath) // want `mutating: POST /v1/shipments; key X-Idempotency-Key \(fresh\)$`
	return err
}

func (c *Carrier) Relabel(ctx context.Context, id, etag string, body any) error {
	_, err := c.api.R().SetHeader("If-Match", etag).SetBody(body).Patch(shipmentsPath + "/" + id) // want `mutating: PATCH /v1/shipments/\{…\}; cas$`
	return err
}

func (c *Carrier) Execute(ctx context.Context, body any) error {
	_, err := c.api.R().SetBody(body).Execute(http.MethodPost, shipmentsPath+"/batch") // want `mutating: POST /v1/shipments/batch$`
	return err
}

// Idempotent methods and reads are not writes.
func (c *Carrier) Reads(ctx context.Context, id string, body any) {
	_, _ = c.api.R().Get(shipmentsPath + "/" + id)
	_, _ = c.api.R().SetBody(body).Put(shipmentsPath + "/" + id)
	_, _ = c.api.R().Delete(shipmentsPath + "/" + id)
	_, _ = c.api.R().Execute(http.MethodPut, shipmentsPath+"/"+id)
	_, _ = c.api.R().Send() // method in a field: not resolved, silent
}

func (c *Carrier) BookV3(ctx context.Context, body any) error {
	_, err := c.v3.R().SetContext(ctx).SetBody(body).Post(shipmentsPath) // want `mutating: POST /v1/shipments$`
	return err
}
