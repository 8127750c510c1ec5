package purposes

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// FunctionClient deploys serverless functions; its implementation lives in
// another module.
type FunctionClient interface {
	UpdateFunctionCode(ctx context.Context, name string, zip []byte) error
	PublishFunction(ctx context.Context, name string) (version string, err error)
	PublishEvent(ctx context.Context, topic string, body []byte) error
}

var errGaveUp = errors.New("gave up")

// Release publishes the function's current code as a version, retrying any
// error: publishing a resource makes its current state public, which a
// repeat finds done. A check, not a finding.
func Release(ctx context.Context, c FunctionClient, name string) (string, error) {
	for attempt := 0; attempt < 3; attempt++ {
		v, err := c.PublishFunction(ctx, name) // check: a publish of a function, not of a message
		if err == nil {
			return v, nil
		}
		time.Sleep(time.Second)
	}
	return "", errGaveUp
}

// Announce publishes an event the same way: it can be delivered twice.
func Announce(ctx context.Context, c FunctionClient, topic string, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		err := c.PublishEvent(ctx, topic, body) // check: only a name (no body twice can see) says it adds something
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errGaveUp
}

// A publish of a thing the caller names by its id makes that existing
// thing's results public (a check); a publish of events sends them.

type FloorPlans struct{ client *Client }

func (f *FloorPlans) PublishNetworkFloorPlansAutoLocateJob(networkID, jobID string) error {
	r, err := f.client.NewRequest(http.MethodPost, "/api/v1/networks/"+networkID+"/floorPlans/autoLocate/jobs/"+jobID+"/publish", nil)
	if err != nil {
		return err
	}
	_, err = f.client.Do(r) // check: publishes the job its id names
	return err
}

func (f *FloorPlans) PublishOrderEvents(orderID string, events []string) error {
	r, err := f.client.NewRequest(http.MethodPost, "/orders/"+orderID+"/events", events)
	if err != nil {
		return err
	}
	_, err = f.client.Do(r) // want `POST /orders/{…}/events is retried by Client.Do`
	return err
}
