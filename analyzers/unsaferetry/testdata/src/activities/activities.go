// Package activities is a worker service of a common shape: workflows
// schedule activities, and the workflow server runs a failed or timed-out
// activity again (its default retry policy has no attempt limit). An
// activity that wrote before it failed, or whose completion was lost,
// writes again.
package activities

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

type Activities struct {
	db   *sql.DB
	http *http.Client
	base string
}

// ChargeOrder posts a charge: a retried activity charges twice.
func (a *Activities) ChargeOrder(ctx context.Context, order string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v1/charges", bytes.NewReader([]byte(order)))
	if err != nil {
		return err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ChargeOrderOnce keys the charge by the workflow run and the activity:
// every attempt sends the same key, so the API applies it once.
func (a *Activities) ChargeOrderOnce(ctx context.Context, order string) error {
	info := activity.GetInfo(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v1/charges", bytes.NewReader([]byte(order)))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", info.WorkflowExecution.ID+"/"+info.ActivityID)
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RecordShipment inserts a row: a retried activity inserts it twice.
func (a *Activities) RecordShipment(ctx context.Context, order string) error {
	_, err := a.db.ExecContext(ctx, "INSERT INTO shipments (order_id) VALUES ($1)", order)
	return err
}

// MarkShipped sets a state: a repeat leaves the same state.
func (a *Activities) MarkShipped(ctx context.Context, order string) error {
	_, err := a.db.ExecContext(ctx, "UPDATE orders SET state = 'shipped' WHERE id = $1", order)
	return err
}

// LookupOrder only reads.
func (a *Activities) LookupOrder(ctx context.Context, order string) (string, error) {
	resp, err := a.http.Get(a.base + "/v1/orders/" + order)
	if err != nil {
		return "", err
	}
	return resp.Status, resp.Body.Close()
}

// OrderWorkflow runs its activities with the server's default retries.
func OrderWorkflow(ctx workflow.Context, order string) error {
	var a *Activities
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	if err := workflow.ExecuteActivity(ctx, a.LookupOrder, order).Get(ctx, nil); err != nil {
		return err
	}
	if err := workflow.ExecuteActivity(ctx, a.ChargeOrder, order).Get(ctx, nil); err != nil { // want `Activities\.ChargeOrder .*POST /v1/charges.* inside workflow\.ExecuteActivity`
		return err
	}
	if err := workflow.ExecuteLocalActivity(ctx, a.RecordShipment, order).Get(ctx, nil); err != nil { // want `Activities\.RecordShipment .*INSERT INTO shipments.* inside workflow\.ExecuteLocalActivity`
		return err
	}
	if err := workflow.ExecuteActivity(ctx, a.ChargeOrderOnce, order).Get(ctx, nil); err != nil {
		return err
	}
	return workflow.ExecuteActivity(ctx, a.MarkShipped, order).Get(ctx, nil)
}

// RefundWorkflow turns the retries off (MaximumAttempts 1): each
// activity runs once, and a failure goes to the workflow's own handling.
func RefundWorkflow(ctx workflow.Context, order string) error {
	var a *Activities
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
	return workflow.ExecuteActivity(ctx, a.ChargeOrder, order).Get(ctx, nil)
}

// SettleWorkflow gives each activity its own options: the charge runs
// once, the shipment record is retried up to three times.
func SettleWorkflow(ctx workflow.Context, order string) error {
	var a *Activities
	once := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
	if err := workflow.ExecuteActivity(once, a.ChargeOrder, order).Get(ctx, nil); err != nil {
		return err
	}
	return workflow.ExecuteActivity(workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 3},
	}), a.RecordShipment, order).Get(ctx, nil) // want `Activities\.RecordShipment .*INSERT INTO shipments`
}

// ByName schedules an activity by its registered name: the function is
// not in sight, so nothing is judged.
func ByName(ctx workflow.Context, order string) error {
	return workflow.ExecuteActivity(ctx, "ChargeOrder", order).Get(ctx, nil)
}
