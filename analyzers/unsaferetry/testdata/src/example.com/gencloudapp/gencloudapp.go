// Package gencloudapp retries generated-client calls built before the
// retry: the payload is read where the builder got it.
package gencloudapp

import (
	"context"
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

// Describe sets fields of the dataset: sent twice, it leaves the same
// dataset.
func Describe(ctx context.Context, svc *gencloud.Service, id, text string) error {
	call := svc.Datasets.Patch(id, &gencloud.Dataset{Description: text}).Context(ctx)
	return runWithRetry(ctx, func() error {
		_, err := call.Do()
		return err
	})
}

// CountLabels adds to counters: sent twice, it counts twice.
func CountLabels(ctx context.Context, svc *gencloud.Service, id string, delta map[string]int) error {
	call := svc.Datasets.AddLabels(id, &gencloud.LabelDelta{Increment: delta}).Context(ctx)
	return runWithRetry(ctx, func() error {
		_, err := call.Do() // want `DatasetsPatchCall.Do \(PATCH /datasets/\{…\}\) inside gencloudapp.runWithRetry \(retries its func argument\) runs again on every retry`
		return err
	})
}

type patchCall struct {
	call *gencloud.DatasetsPatchCall
}

// Rename keeps the builder in a field of a local struct, as option
// functions expect it: the payload is the literal's.
func Rename(ctx context.Context, svc *gencloud.Service, id, name string) error {
	pc := &patchCall{call: svc.Datasets.Patch(id, &gencloud.Dataset{FriendlyName: name}).Context(ctx)}
	return runWithRetry(ctx, func() error {
		_, err := pc.call.Do()
		return err
	})
}

// CancelJob puts one job in a state: repeated, it finds it reached.
func CancelJob(ctx context.Context, svc *gencloud.Service, project, job string) error {
	return runWithRetry(ctx, func() error { return svc.Jobs.Cancel(project, job).Do() })
}

// CanRun asks the IAM permission check: a read sent as POST.
func CanRun(ctx context.Context, svc *gencloud.Service, resource string) error {
	return runWithRetry(ctx, func() error { return svc.Jobs.TestIamPermissions(resource).Do() })
}

// RunJob starts a job per request.
func RunJob(ctx context.Context, svc *gencloud.Service, project string) error {
	return runWithRetry(ctx, func() error {
		return svc.Jobs.Run(project).Do() // want `JobsRunCall.Do \(POST /projects/\{…\}/jobs\) inside gencloudapp.runWithRetry`
	})
}

// Start chooses the operation before the retry: each branch's literal is
// retried, and each write is reported.
func Start(ctx context.Context, svc *gencloud.Service, project, dataset string, delta map[string]int) error {
	var op func() error
	if dataset != "" {
		op = func() error {
			_, err := svc.Datasets.AddLabels(dataset, &gencloud.LabelDelta{Increment: delta}).Do() // want `DatasetsPatchCall.Do \(PATCH /datasets/\{…\}\) inside gencloudapp.runWithRetry`
			return err
		}
	} else if project != "" {
		op = func() error {
			return svc.Jobs.Run(project).Do() // want `JobsRunCall.Do \(POST /projects/\{…\}/jobs\) inside gencloudapp.runWithRetry`
		}
	} else {
		op = func() error { return svc.Jobs.Cancel(project, "last").Do() }
	}
	return runWithRetry(ctx, op)
}
