// Package warehouseapp retries generated-client inserts whose payloads are
// filled elsewhere in the package: a request id, per-row insert ids and a
// job's own id make a repeat harmless; a routine created with no id of its
// own is created again.
package warehouseapp

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"example.com/gencloud"
)

func runWithRetry(ctx context.Context, call func() error) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		if err = call(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Query fills the request id once, before the request reaches the retry.
func Query(ctx context.Context, svc *gencloud.Service, project, sql string) error {
	return runQuery(ctx, svc, project, &gencloud.QueryRequest{Query: sql, RequestId: randomID()})
}

func runQuery(ctx context.Context, svc *gencloud.Service, project string, req *gencloud.QueryRequest) error {
	call := svc.Jobs.Query(project, req).Context(ctx)
	return runWithRetry(ctx, func() error { return call.Do() })
}

// DryRun sends a request whose literal has no request id.
func DryRun(ctx context.Context, svc *gencloud.Service, project, sql string) error {
	call := svc.Jobs.Query(project, &gencloud.QueryRequest{Query: sql}).Context(ctx)
	return runWithRetry(ctx, func() error {
		return call.Do() // want `PostCall.Do \(POST request\) inside warehouseapp.runWithRetry \(retries its func argument\) runs again on every retry`
	})
}

func newJob(project, sql string) *gencloud.Job {
	return &gencloud.Job{Query: sql, JobReference: &gencloud.JobReference{ProjectId: project, JobId: "job_" + randomID()}}
}

// Submit inserts a job under the id the client chose for it.
func Submit(ctx context.Context, svc *gencloud.Service, project, sql string) error {
	return insertJob(ctx, svc, project, newJob(project, sql))
}

func insertJob(ctx context.Context, svc *gencloud.Service, project string, job *gencloud.Job) error {
	call := svc.Jobs.Insert(project, job).Context(ctx)
	return runWithRetry(ctx, func() error { return call.Do() })
}

func newInsertRequest(rows []map[string]any) *gencloud.InsertAllRequest {
	req := &gencloud.InsertAllRequest{}
	for _, r := range rows {
		req.Rows = append(req.Rows, &gencloud.InsertAllRequestRows{InsertId: randomID(), Json: r})
	}
	return req
}

// Stream inserts rows that each carry an insert id made before the retry.
func Stream(ctx context.Context, svc *gencloud.Service, project, table string, rows []map[string]any) error {
	req := newInsertRequest(rows)
	call := svc.Jobs.InsertAll(project, table, req).Context(ctx)
	return runWithRetry(ctx, func() error { return call.Do() })
}

// CreateRoutine creates a routine the package never names: the service
// gives each insert a new one.
func CreateRoutine(ctx context.Context, svc *gencloud.Service, project string, routine *gencloud.Routine) error {
	call := svc.Jobs.InsertRoutine(project, routine).Context(ctx)
	return runWithRetry(ctx, func() error {
		return call.Do() // want `PostCall.Do \(POST request\) inside warehouseapp.runWithRetry \(retries its func argument\) runs again on every retry`
	})
}
