// Package dropletapp retries record changes through dropletsdk's client.
// A call through the client's service field reaches the implementation
// the SDK's constructor installed, and is judged by its body; a service
// interface the caller passes in may be anything, and is judged by name.
package dropletapp

import (
	"context"
	"time"

	"example.com/dropletsdk"
)

// AddRecord retries a POST to the domain's record collection: reported.
func AddRecord(ctx context.Context, c *dropletsdk.Client, domain string, req *dropletsdk.RecordRequest) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = c.Domains.CreateRecord(ctx, domain, req); err == nil { // want `Domains.CreateRecord \(POST /v2/domains/\{…\}/records in DomainsServiceOp.CreateRecord\) inside a retry loop runs again on every retry`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Tag retries a PUT that only a name calls a create: silent.
func Tag(ctx context.Context, c *dropletsdk.Client, domain, tag string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.Domains.CreateTag(ctx, domain, tag); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// AddRecordVia gets the service from its caller (a mock, a wrapper): the
// name is all there is to judge, a check.
func AddRecordVia(ctx context.Context, svc dropletsdk.DomainsService, domain string, req *dropletsdk.RecordRequest) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = svc.CreateRecord(ctx, domain, req); err == nil { // want `Domains.CreateRecord \(an interface method with no body twice can see, named like a create\) inside a retry loop`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
