// Package billingapp uses the generated billing client.
package billingapp

import (
	"context"

	"example.com/billingsdk"
)

func SignUp(ctx context.Context, customers *billingsdk.CustomerService, email string) error {
	_, err := customers.New(ctx, billingsdk.CustomerNewParams{Email: email, Plan: "free"}) // want `Customer\.New sends POST /v1/customers through RequestConfig\.Execute \(a retry loop\), which sends it again after a failure that can follow its execution`
	return err
}
