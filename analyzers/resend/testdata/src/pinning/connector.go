// Package pinning is a connector to a content-addressed store's RPC API,
// which takes every call as a POST, reads included: pin/ls lists a pin.
// Pin asks whether the object is pinned before pinning it, and asks again
// about another object (the one a pin update starts from): both asks are
// reads, so nothing is sent twice (silent).
package pinning

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Connector struct {
	hc   *http.Client
	base string
}

type Pin struct {
	Cid  string
	From string
}

type PinStatus string

func (s PinStatus) IsPinned() bool { return s == "recursive" }

func (c *Connector) postCtx(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/api/v0/"+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

// PinLsCid performs a "pin ls <hash>" request.
func (c *Connector) PinLsCid(ctx context.Context, pin Pin) (PinStatus, error) {
	resp, err := c.postCtx(ctx, fmt.Sprintf("pin/ls?stream=true&arg=%s", pin.Cid))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var res struct{ Type PinStatus }
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return "", err
	}
	return res.Type, nil
}

func (c *Connector) Pin(ctx context.Context, pin Pin) error {
	status, err := c.PinLsCid(ctx, pin)
	if err != nil {
		return err
	}
	if status.IsPinned() {
		return nil
	}
	if pin.From != "" {
		fromStatus, _ := c.PinLsCid(ctx, Pin{Cid: pin.From})
		if fromStatus.IsPinned() {
			_, err := c.postCtx(ctx, fmt.Sprintf("pin/update?arg=%s&arg=%s", pin.From, pin.Cid))
			return err
		}
	}
	_, err = c.postCtx(ctx, fmt.Sprintf("pin/add?arg=%s", pin.Cid))
	return err
}
