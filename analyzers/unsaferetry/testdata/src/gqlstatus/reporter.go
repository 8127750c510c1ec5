// Package gqlstatus reports an agent's state to a control plane over
// GraphQL, retrying each report. The mutation's field says what each one
// does: a status report sets the state of the agent's deployment, which a
// repeat leaves as it was (a check); a created incident or a sent event is
// added again (reported).
package gqlstatus

import (
	"context"
	"time"

	"example.com/gql"
	"example.com/gqlstruct"
)

type StatusReporter struct {
	client *gqlstruct.Client
	raw    *gql.Client
	id     string
}

func (r *StatusReporter) withRetry(ctx context.Context, fn func() error) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = fn(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return err
}

// ReportDeploymentStartup is named like a report by a Reporter, but its
// mutation sets the deployment's state.
func (r *StatusReporter) ReportDeploymentStartup(ctx context.Context, version string) error {
	return r.withRetry(ctx, func() error {
		var m struct {
			Success bool `graphql:"reportDeploymentStartup(id: $id, version: $version)"`
		}
		return r.client.Mutate(ctx, &m, map[string]any{"id": r.id, "version": version}) // want `Client.Mutate \(POST request\) inside StatusReporter.withRetry.*check: its GraphQL mutation reportDeploymentStartup is named for neither a create nor a send`
	})
}

// ReportIncident opens a new incident each time it runs.
func (r *StatusReporter) ReportIncident(ctx context.Context, title string) error {
	return r.withRetry(ctx, func() error {
		var m struct {
			Incident struct{ ID string } `graphql:"incident: createIncident(title: $title)"`
		}
		return r.client.Mutate(ctx, &m, map[string]any{"title": title}) // want `Client.Mutate \(POST request\) inside StatusReporter.withRetry \(retries its func argument\) runs again on every retry`
	})
}

// Fetch reads the deployment's configuration: a query, not reported.
func (r *StatusReporter) Fetch(ctx context.Context) error {
	return r.withRetry(ctx, func() error {
		var q struct {
			Deployment struct{ Config string } `graphql:"deployment(id: $id)"`
		}
		return r.client.Query(ctx, &q, map[string]any{"id": r.id})
	})
}

const (
	setStatusDoc = `mutation SetStatus($id: ID!, $status: Status!) {
		setDeploymentStatus(id: $id, status: $status) { ok }
	}`
	sendEventDoc = `mutation($e: EventInput!) { sent: sendEvent(input: $e) { id } }`
)

// Announce sends a document mutation that sets a status (a check);
// SendEvent one that appends an event (reported).
func (r *StatusReporter) Announce(ctx context.Context, status string) error {
	return r.withRetry(ctx, func() error {
		req := gql.NewRequest(setStatusDoc)
		req.Var("id", r.id)
		req.Var("status", status)
		return r.raw.Run(ctx, req, nil) // want `check: its GraphQL mutation setDeploymentStatus is named for neither`
	})
}

func (r *StatusReporter) SendEvent(ctx context.Context, e map[string]any) error {
	return r.withRetry(ctx, func() error {
		req := gql.NewRequest(sendEventDoc)
		req.Var("e", e)
		return r.raw.Run(ctx, req, nil) // want `Client.Run \(POST request\) inside StatusReporter.withRetry \(retries its func argument\) runs again on every retry`
	})
}
