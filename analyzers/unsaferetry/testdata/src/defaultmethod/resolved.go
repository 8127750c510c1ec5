package defaultmethod

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Cloud's request helper takes a path relative to its base URL: it drops
// a leading slash and resolves the rest against the base, as SDKs shaped
// like go-github do. The path is still the caller's.
type Cloud struct {
	HC      *http.Client
	BaseURL *url.URL
}

const volumesPath = "/storage"

func (c *Cloud) newRequest(method, path string) (*http.Request, error) {
	if path[0] == '/' {
		path = path[1:]
	}
	rel, err := url.Parse(path)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, c.BaseURL.ResolveReference(rel).String(), nil)
}

func (c *Cloud) doRequest(ctx context.Context, method, path string) error {
	for attempt := 0; attempt < 4; attempt++ {
		req, err := c.newRequest(method, path)
		if err != nil {
			return err
		}
		resp, err := c.HC.Do(req.WithContext(ctx))
		if err == nil && resp.StatusCode < 500 {
			return resp.Body.Close()
		}
		time.Sleep(time.Second << attempt)
	}
	return fmt.Errorf("%s %s: giving up", method, path)
}

// CreateVolume posts a new volume of a project: a repeat makes a second.
func (c *Cloud) CreateVolume(ctx context.Context, projectID string) error {
	path := fmt.Sprintf("/projects/%s%s", projectID, volumesPath)
	return c.doRequest(ctx, "POST", path) // want `POST /projects/\{…\}/storage is retried by Cloud\.doRequest, which sends it again inside a retry loop; the request can be applied twice if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry, or retry only idempotent calls; check: its name says it creates something, but whether a repeat makes a second one is the API's rule`
}

// GetVolume reads: silent.
func (c *Cloud) GetVolume(ctx context.Context, id string) error {
	return c.doRequest(ctx, "GET", volumesPath+"/"+id)
}

// BGPSessions opens a routing session of a device: a check.
type BGPSessions struct{ c *Cloud }

func (s *BGPSessions) Create(ctx context.Context, deviceID string) error {
	path := fmt.Sprintf("/devices/%s/bgp/sessions", deviceID)
	return s.c.doRequest(ctx, "POST", path) // want `POST /devices/\{…\}/bgp/sessions is retried by Cloud\.doRequest, .*; check: it opens a session`
}

// BGPConfigs asks for a project's BGP configuration: a project has one.
type BGPConfigs struct{ c *Cloud }

func (s *BGPConfigs) Create(ctx context.Context, projectID string) error {
	path := fmt.Sprintf("/projects/%s/bgp-configs", projectID)
	return s.c.doRequest(ctx, "POST", path) // want `POST /projects/\{…\}/bgp-configs is retried by Cloud\.doRequest, .*; check: it creates /projects/\{…\}/bgp-configs, of which the resource named in the path has one`
}

// AutoPin runs an action whose name the API writes as one lower-case
// run of words: not a collection, whatever its last letter. A check.
func (c *Cloud) AutoPin(ctx context.Context, vmID string) error {
	return c.doRequest(ctx, "POST", "/vms/"+vmID+"/autopincpuandnumanodes") // want `POST /vms/\{…\}/autopincpuandnumanodes is retried by Cloud\.doRequest, .*; check: its names and path do not say`
}
