// Package hostingapp uses the hosting SDK, whose client re-sends failed
// requests (go-retryablehttp, kept in a field): the SDK's POSTs are
// reported here, at the user's calls, because the SDK's own code is not
// part of the user's findings.
package hostingapp

import (
	"context"
	"net/http"

	"hostingapi"
)

type Provisioner struct {
	api *hostingapi.Client
}

// Launch creates an instance: the SDK's client sends the POST again after
// a 5xx or a timeout.
func (p *Provisioner) Launch(ctx context.Context) error {
	_, err := p.api.Instances.Create(ctx, "web-1") // want `Instances.Create sends POST /v2/instances through Client.DoWithContext`
	return err
}

// Relabel and Inspect send PUT and GET: repeating them changes nothing.
func (p *Provisioner) Relabel(ctx context.Context) error {
	return p.api.Instances.Update(ctx, "i-1", "web-2")
}

func (p *Provisioner) Inspect(ctx context.Context) error {
	_, err := p.api.Instances.Get(ctx, "i-1")
	return err
}

// LaunchOnce passes a key made once: the API drops the repeat.
func (p *Provisioner) LaunchOnce(ctx context.Context, key string) error {
	_, err := p.api.Instances.CreateOnce(ctx, "web-1", key)
	return err
}

// Snapshot builds its own request and sends it through the SDK's generic
// DoWithContext, which retries it.
func (p *Provisioner) Snapshot(ctx context.Context) error {
	req, err := p.api.NewRequest(ctx, http.MethodPost, "/v2/snapshots", nil)
	if err != nil {
		return err
	}
	_, err = p.api.DoWithContext(ctx, req, nil) // want `POST /v2/snapshots is retried by Client.DoWithContext`
	return err
}

// Reboot sends a PUT through the same generic method: idempotent.
func (p *Provisioner) Reboot(ctx context.Context) error {
	req, err := p.api.NewRequest(ctx, http.MethodPut, "/v2/instances/i-1/state", nil)
	if err != nil {
		return err
	}
	_, err = p.api.DoWithContext(ctx, req, nil)
	return err
}
