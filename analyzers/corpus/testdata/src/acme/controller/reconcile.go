// Package controller reconciles DNSRecord custom resources: it creates
// the record at the DNS provider and writes the status back.
package controller

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/util/retry"
)

// DNSRecord is the custom resource.
type DNSRecord struct {
	Name            string
	ResourceVersion string
	Spec            struct{ Zone, Type, Value string }
	Status          struct{ ProviderID string }
}

// Store reads and updates DNSRecords (a typed client).
type Store interface {
	Get(ctx context.Context, name string) (*DNSRecord, error)
	UpdateStatus(ctx context.Context, rec *DNSRecord) (*DNSRecord, error)
}

// Provider is the DNS provider's SDK.
type Provider interface {
	CreateRecord(ctx context.Context, zone, typ, value string) (string, error)
	GetRecord(ctx context.Context, zone, id string) (string, error)
	DeleteRecord(ctx context.Context, zone, id string) error
}

// ErrRecordExists is the provider's conflict error.
var ErrRecordExists = errors.New("record already exists")

// Reconciler reconciles DNSRecords.
type Reconciler struct {
	store    Store
	provider Provider
	http     *http.Client
	hookURL  string
}

var backoff = wait.Backoff{Duration: time.Second, Factor: 2, Steps: 5}

// WriteStatus uses RetryOnConflict: a conflict means the update did not
// apply.
func (r *Reconciler) WriteStatus(ctx context.Context, name, id string) error {
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		rec, err := r.store.Get(ctx, name)
		if err != nil {
			return err
		}
		rec.Status.ProviderID = id
		_, err = r.store.UpdateStatus(ctx, rec)
		return err
	})
}

// EnsureRecord retries the provider call on any error with OnError: a
// timeout after the provider created the record creates a second one.
func (r *Reconciler) EnsureRecord(ctx context.Context, rec *DNSRecord) (string, error) {
	var id string
	err := retry.OnError(backoff, func(error) bool { return true }, func() error {
		var err error
		id, err = r.provider.CreateRecord(ctx, rec.Spec.Zone, rec.Spec.Type, rec.Spec.Value) // check `Provider\.CreateRecord \(an interface method with no body twice can see, named like a create\) inside retry\.OnError \(client-go\) runs again on every retry`
		return err
	})
	return id, err
}

// EnsureRecordIfMissing treats "already exists" as done.
func (r *Reconciler) EnsureRecordIfMissing(ctx context.Context, rec *DNSRecord) (string, error) {
	var id string
	err := retry.OnError(backoff, func(error) bool { return true }, func() error {
		var err error
		id, err = r.provider.CreateRecord(ctx, rec.Spec.Zone, rec.Spec.Type, rec.Spec.Value)
		if errors.Is(err, ErrRecordExists) {
			return nil
		}
		return err
	})
	return id, err
}

// WaitPropagated polls the provider until the record is visible: reads.
func (r *Reconciler) WaitPropagated(ctx context.Context, zone, id string) error {
	return wait.PollUntilContextTimeout(ctx, 2*time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
		v, err := r.provider.GetRecord(ctx, zone, id)
		if err != nil {
			return false, nil
		}
		return v != "", nil
	})
}

// NotifyOwner posts a webhook under ExponentialBackoff: the condition runs
// again after every failed attempt.
func (r *Reconciler) NotifyOwner(ctx context.Context, rec *DNSRecord) error {
	body, _ := json.Marshal(map[string]string{"record": rec.Name, "id": rec.Status.ProviderID})
	return wait.ExponentialBackoff(backoff, func() (bool, error) {
		resp, err := r.http.Post(r.hookURL, "application/json", bytes.NewReader(body)) // want `POST request inside wait\.ExponentialBackoff runs again on every retry`
		if err != nil {
			return false, nil
		}
		resp.Body.Close()
		return resp.StatusCode < 300, nil
	})
}

// Cleanup deletes the record, retrying: deleting twice is harmless.
func (r *Reconciler) Cleanup(ctx context.Context, zone, id string) error {
	return retry.OnError(backoff, func(error) bool { return true }, func() error {
		return r.provider.DeleteRecord(ctx, zone, id)
	})
}

// Reconcile is one pass of the control loop.
func (r *Reconciler) Reconcile(ctx context.Context, name string) error {
	rec, err := r.store.Get(ctx, name)
	if err != nil {
		return fmt.Errorf("getting %s: %w", name, err)
	}
	if rec.Status.ProviderID != "" {
		return nil
	}
	id, err := r.EnsureRecordIfMissing(ctx, rec)
	if err != nil {
		return err
	}
	return r.WriteStatus(ctx, name, id)
}
