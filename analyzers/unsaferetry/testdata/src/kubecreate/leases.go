package kubecreate

import (
	"context"
	"errors"
	"time"
)

// Leases is a lease store of the operator's own (not Kubernetes): its
// methods have no body to see and are judged by their names.
type Leases interface {
	GetLease(ctx context.Context, holder string) (string, error)
	CreateLease(ctx context.Context, holder string) (string, error)
}

var ErrLeaseNotFound = errors.New("lease not found")

// ensureLease creates the lease only when the lookup said it is missing,
// written as a conjunction: a repeat after a lost response finds it.
func (r *Runner) ensureLease(ctx context.Context, holder string) (string, error) {
	id, err := r.leases.GetLease(ctx, holder)
	if err != nil && errors.Is(err, ErrLeaseNotFound) {
		return r.leases.CreateLease(ctx, holder)
	}
	return id, err
}

// createLease creates with no lookup first.
func (r *Runner) createLease(ctx context.Context, holder string) (string, error) {
	return r.leases.CreateLease(ctx, holder)
}

// Hold retries the check-before-create helper: silent.
func (r *Runner) Hold(ctx context.Context, holder string) (string, error) {
	for attempt := 0; attempt < 5; attempt++ {
		if id, err := r.ensureLease(ctx, holder); err == nil {
			return id, nil
		}
		time.Sleep(time.Second)
	}
	return "", errors.New("no lease")
}

// HoldBlind retries the helper without a lookup: reported.
func (r *Runner) HoldBlind(ctx context.Context, holder string) (string, error) {
	for attempt := 0; attempt < 5; attempt++ {
		if id, err := r.createLease(ctx, holder); err == nil { // want `Runner\.createLease \(Leases\.CreateLease .*\) inside a retry loop runs again on every retry`
			return id, nil
		}
		time.Sleep(time.Second)
	}
	return "", errors.New("no lease")
}
