package purposes

import (
	"errors"
	"time"
)

// HostTransport sends an SDK request and decodes the answer; its
// implementations are not in sight. What a request does is said by the
// operation that sends it: DescribeHost reads, CreateHost makes a host.
type HostTransport interface {
	Send(req, resp any) error
}

type HostClient struct{ t HostTransport }

type DescribeHostRequest struct{ ID string }

type CreateHostRequest struct{ Zone string }

// DescribeHost reads a host's state.
func (c *HostClient) DescribeHost(id string) (string, error) {
	var out struct{ State string }
	err := c.t.Send(&DescribeHostRequest{ID: id}, &out)
	return out.State, err
}

// CreateHost makes a host that the server names.
func (c *HostClient) CreateHost(zone string) error {
	return c.t.Send(&CreateHostRequest{Zone: zone}, nil)
}

// WaitRunning polls DescribeHost until the host runs: a read repeated,
// silent at every confidence.
func (c *HostClient) WaitRunning(id string) error {
	for i := 0; i < 10; i++ {
		state, err := c.DescribeHost(id)
		if err == nil && state == "running" {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("host not running")
}

// CreateWithRetry runs the create again after any error.
func (c *HostClient) CreateWithRetry(zone string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = c.CreateHost(zone); err == nil { // check: only a name (no body twice can see) says it adds something
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// getResponse is a generic wrapper: it sends whatever its caller gives,
// so its name says nothing of what is sent.
func (c *HostClient) getResponse(req any) error {
	return c.t.Send(req, nil)
}

// CreateViaWrapper retries a create sent through the wrapper: the
// wrapper's name does not make it a read (a check at -confidence=low).
func (c *HostClient) CreateViaWrapper(zone string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = c.getResponse(&CreateHostRequest{Zone: zone}); err == nil { // check: a generic wrapper, not silenced by its name
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
