package sdk

import (
	"context"
	"time"
)

// InstanceRegisterRequest registers a service instance at an address.
type InstanceRegisterRequest struct {
	Namespace string
	Service   string
	Host      string
	Port      int
	Weight    *int
}

// DeviceRegisterRequest registers a device; the server gives it an id.
type DeviceRegisterRequest struct {
	Owner string
	Model string
}

// Connector talks to a service registry or a device hub; its
// implementations live in plugins.
type Connector interface {
	RegisterInstance(ctx context.Context, req *InstanceRegisterRequest) (string, error)
	RegisterDevice(ctx context.Context, req *DeviceRegisterRequest) (string, error)
}

// Announce registers this process in the registry, retrying errors: the
// registry keys an instance by service and address, so a repeat finds it
// registered. Silent.
func Announce(ctx context.Context, c Connector, host string, port int) (string, error) {
	req := &InstanceRegisterRequest{Namespace: "default", Service: "orders", Host: host, Port: port}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var id string
		if id, err = c.RegisterInstance(ctx, req); err == nil {
			return id, nil
		}
		time.Sleep(time.Second)
	}
	return "", err
}

// Enroll registers a device the same way; each registration gets a new
// id, so a lost reply leaves two devices.
func Enroll(ctx context.Context, c Connector, owner, model string) (string, error) {
	req := &DeviceRegisterRequest{Owner: owner, Model: model}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var id string
		if id, err = c.RegisterDevice(ctx, req); err == nil { // want `Connector.RegisterDevice \(an interface method with no body twice can see, named like a registration\) inside a retry loop`
			return id, nil
		}
		time.Sleep(time.Second)
	}
	return "", err
}
