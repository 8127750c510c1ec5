// Package billingsdk is a generated billing API client: each service
// method sends its request through requestconfig.ExecuteNewRequest, which
// re-sends it after connection errors and 5xx.
package billingsdk

import (
	"context"
	"net/http"

	"example.com/billingsdk/internal/requestconfig"
)

type CustomerService struct {
	Options []requestconfig.RequestOption
}

type CustomerNewParams struct {
	Email string `json:"email"`
	Plan  string `json:"plan"`
}

type Customer struct{ ID string }

// New creates a customer; the server assigns its id.
func (r *CustomerService) New(ctx context.Context, body CustomerNewParams, opts ...requestconfig.RequestOption) (res *Customer, err error) {
	opts = append(r.Options[:], opts...)
	path := "v1/customers"
	err = requestconfig.ExecuteNewRequest(ctx, http.MethodPost, path, body, &res, opts...) // want `POST /v1/customers is retried by RequestConfig\.Execute, which sends it again inside a retry loop; the request can be applied twice if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry`
	return
}

// Get reads a customer.
func (r *CustomerService) Get(ctx context.Context, id string, opts ...requestconfig.RequestOption) (res *Customer, err error) {
	opts = append(r.Options[:], opts...)
	err = requestconfig.ExecuteNewRequest(ctx, http.MethodGet, "v1/customers/"+id, nil, &res, opts...)
	return
}

// Archive archives a customer: a repeat finds it archived.
func (r *CustomerService) Archive(ctx context.Context, id string, opts ...requestconfig.RequestOption) (err error) {
	opts = append(r.Options[:], opts...)
	err = requestconfig.ExecuteNewRequest(ctx, http.MethodPut, "v1/customers/"+id+"/archive", nil, nil, opts...)
	return
}
