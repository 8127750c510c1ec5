package purposes

import (
	"context"
	"time"
)

// MonitoringClient is a monitoring SaaS's client: metric values are
// measurement points (a series name, a time, a value), which the service
// stores by series and time; events are not.
type MonitoringClient interface {
	PostHostMetricValues(ctx context.Context, values []*HostMetricValue) error
	PostEvents(ctx context.Context, events []*Event) error
}

type MetricValue struct {
	Name  string
	Time  int64
	Value any
}

// HostMetricValue embeds the point it carries for a host.
type HostMetricValue struct {
	HostID string
	*MetricValue
}

// Event has a time but no value: an occurrence, stored once per post.
type Event struct {
	Title string
	Time  int64
}

// PostMetrics re-posts the same points, stamped before the loop: a store
// keyed by series and time overwrites them, so it is a check.
func PostMetrics(ctx context.Context, c MonitoringClient, values []*HostMetricValue) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.PostHostMetricValues(ctx, values); err == nil { // check: measurement points keyed by time
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// PostEvents re-posts events, which carry no value to key a point by.
func PostEvents(ctx context.Context, c MonitoringClient, events []*Event) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.PostEvents(ctx, events); err == nil { // check: only a name (no body twice can see) says it adds something
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
