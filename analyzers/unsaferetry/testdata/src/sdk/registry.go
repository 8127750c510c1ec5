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

// AgentRegisterRequest registers the calling agent by its instance's
// identity token.
type AgentRegisterRequest struct {
	InstanceIdToken string
	AgentVersion    string
}

// WebhookRegisterRequest registers a webhook for an application: the
// application's id is not the webhook's.
type WebhookRegisterRequest struct {
	ClientId string
	Url      string
}

// Connector talks to a service registry or a device hub; its
// implementations live in plugins.
type Connector interface {
	RegisterInstance(ctx context.Context, req *InstanceRegisterRequest) (string, error)
	RegisterDevice(ctx context.Context, req *DeviceRegisterRequest) (string, error)
	RegisterAgent(ctx context.Context, req *AgentRegisterRequest) error
	RegisterWebhook(ctx context.Context, req *WebhookRegisterRequest) (string, error)
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

// Checkin registers this agent under its instance's identity token: the
// endpoint keeps one registration per instance, so a repeat registers
// the same agent again. Silent.
func Checkin(ctx context.Context, c Connector, token string) error {
	req := &AgentRegisterRequest{InstanceIdToken: token, AgentVersion: "1.2.0"}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.RegisterAgent(ctx, req); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Hook registers a webhook for an application: the application's id does
// not name the webhook, so a lost reply leaves two webhooks.
func Hook(ctx context.Context, c Connector, app, url string) (string, error) {
	req := &WebhookRegisterRequest{ClientId: app, Url: url}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var id string
		if id, err = c.RegisterWebhook(ctx, req); err == nil { // want `Connector.RegisterWebhook \(an interface method with no body twice can see, named like a registration\) inside a retry loop`
			return id, nil
		}
		time.Sleep(time.Second)
	}
	return "", err
}
