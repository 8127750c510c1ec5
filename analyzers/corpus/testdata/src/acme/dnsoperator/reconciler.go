// Package dnsoperator is a Kubernetes operator that manages DNS records
// and TLS certificates for Ingress-like custom resources. The DNS
// provider and the certificate authority are external APIs; the cluster
// API is reached through client interfaces. Reconcile runs again whenever
// anything changes, so every step must be safe to repeat — the bugs are
// the steps that retry a create on their own.
package dnsoperator

import (
	"context"
	"errors"
	"fmt"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/util/retry"
)

// Record is one DNS record.
type Record struct {
	ID    string
	Name  string
	Type  string
	Value string
	TTL   int
}

// ErrRecordExists is returned by CreateRecord for a name already taken.
var ErrRecordExists = errors.New("dns: record exists")

// DNSProvider is the external DNS API.
type DNSProvider interface {
	GetRecord(ctx context.Context, zone, name string) (*Record, error)
	CreateRecord(ctx context.Context, zone string, r Record) (*Record, error)
	UpsertRecord(ctx context.Context, zone string, r Record) error
	DeleteRecord(ctx context.Context, zone, id string) error
}

// Order is a certificate order.
type Order struct {
	ID    string
	Ready bool
}

// CertAuthority is the ACME-like certificate API.
type CertAuthority interface {
	SubmitOrder(ctx context.Context, domains []string) (string, error)
	GetOrder(ctx context.Context, id string) (*Order, error)
}

// Site is the custom resource.
type Site struct {
	Name            string
	Namespace       string
	ResourceVersion string
	Host            string
	Target          string
	OrderID         string
	Ready           bool
}

// SiteClient reads and writes Site resources.
type SiteClient interface {
	Get(ctx context.Context, namespace, name string) (*Site, error)
	UpdateStatus(ctx context.Context, s *Site) error
}

// EventRecorder records Kubernetes events.
type EventRecorder interface {
	Eventf(obj any, eventType, reason, format string, args ...any)
}

// Reconciler reconciles Sites.
type Reconciler struct {
	dns    DNSProvider
	ca     CertAuthority
	sites  SiteClient
	events EventRecorder
	zone   string
}

var defaultBackoff = wait.Backoff{Duration: 500 * time.Millisecond, Factor: 2, Steps: 5}

func isTransient(err error) bool { return !errors.Is(err, ErrRecordExists) }

// Reconcile brings the DNS record and the certificate in line with the
// Site. It is run again by the controller on failure; each step is
// idempotent or guarded.
func (r *Reconciler) Reconcile(ctx context.Context, namespace, name string) error {
	site, err := r.sites.Get(ctx, namespace, name)
	if err != nil {
		return err
	}
	if err := r.ensureRecord(ctx, site); err != nil {
		return err
	}
	if site.OrderID == "" {
		return r.requestCertificate(ctx, site)
	}
	return r.waitForCertificate(ctx, site)
}

// ensureRecord upserts the record, retried: an upsert is idempotent.
func (r *Reconciler) ensureRecord(ctx context.Context, s *Site) error {
	return wait.ExponentialBackoffWithContext(ctx, defaultBackoff, func(ctx context.Context) (bool, error) {
		err := r.dns.UpsertRecord(ctx, r.zone, Record{Name: s.Host, Type: "CNAME", Value: s.Target, TTL: 300})
		return err == nil, nil
	})
}

// CreateVerificationRecord creates the TXT record for domain validation
// in a backoff loop: the provider gives TXT records an id each, and a
// create answered late leaves two of them.
func (r *Reconciler) CreateVerificationRecord(ctx context.Context, s *Site, token string) error {
	return wait.ExponentialBackoff(defaultBackoff, func() (bool, error) {
		_, err := r.dns.CreateRecord(ctx, r.zone, Record{Name: "_acme-challenge." + s.Host, Type: "TXT", Value: token, TTL: 60}) // check `DNSProvider\.CreateRecord .*inside wait\.ExponentialBackoff runs again on every retry`
		return err == nil, nil
	})
}

// createAlias creates the alias record and treats "exists" as done:
// create-if-missing under a fixed name.
func (r *Reconciler) createAlias(ctx context.Context, s *Site) error {
	return wait.ExponentialBackoff(defaultBackoff, func() (bool, error) {
		_, err := r.dns.CreateRecord(ctx, r.zone, Record{Name: "www." + s.Host, Type: "CNAME", Value: s.Host, TTL: 300})
		if err == nil || errors.Is(err, ErrRecordExists) {
			return true, nil
		}
		return false, nil
	})
}

// requestCertificate submits the certificate order, retried with
// client-go's OnError: an order submitted twice is billed twice, and the
// first order id is lost.
func (r *Reconciler) requestCertificate(ctx context.Context, s *Site) error {
	var id string
	err := retry.OnError(retry.DefaultBackoff, isTransient, func() error {
		var err error
		id, err = r.ca.SubmitOrder(ctx, []string{s.Host, "www." + s.Host}) // check `CertAuthority\.SubmitOrder .*inside retry\.OnError \(client-go\) runs again on every retry`
		return err
	})
	if err != nil {
		return fmt.Errorf("ordering certificate for %s: %w", s.Host, err)
	}
	s.OrderID = id
	return r.updateStatus(ctx, s)
}

// waitForCertificate polls the order: reads.
func (r *Reconciler) waitForCertificate(ctx context.Context, s *Site) error {
	err := wait.PollUntilContextTimeout(ctx, 5*time.Second, 2*time.Minute, true, func(ctx context.Context) (bool, error) {
		o, err := r.ca.GetOrder(ctx, s.OrderID)
		if err != nil {
			return false, nil
		}
		return o.Ready, nil
	})
	if err != nil {
		return err
	}
	s.Ready = true
	return r.updateStatus(ctx, s)
}

// updateStatus writes the status with RetryOnConflict: the update carries
// the resourceVersion, so a repeat after success is rejected, not applied.
func (r *Reconciler) updateStatus(ctx context.Context, s *Site) error {
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		cur, err := r.sites.Get(ctx, s.Namespace, s.Name)
		if err != nil {
			return err
		}
		cur.OrderID, cur.Ready = s.OrderID, s.Ready
		return r.sites.UpdateStatus(ctx, cur)
	})
}

// Finalize deletes the record, retried: a delete is idempotent.
func (r *Reconciler) Finalize(ctx context.Context, s *Site) error {
	rec, err := r.dns.GetRecord(ctx, r.zone, s.Host)
	if err != nil || rec == nil {
		return err
	}
	return wait.ExponentialBackoffWithContext(ctx, defaultBackoff, func(ctx context.Context) (bool, error) {
		return r.dns.DeleteRecord(ctx, r.zone, rec.ID) == nil, nil
	})
}

// RenewWhenDue polls until the renewal order is accepted, submitting a new
// order on every poll that failed: each failed poll that had in fact
// reached the CA orders another certificate.
func (r *Reconciler) RenewWhenDue(ctx context.Context, s *Site) error {
	return wait.PollUntilContextCancel(ctx, time.Minute, true, func(ctx context.Context) (bool, error) {
		id, err := r.ca.SubmitOrder(ctx, []string{s.Host}) // check `CertAuthority\.SubmitOrder .*inside wait\.PollUntilContextCancel runs again on every retry`
		if err != nil {
			return false, nil
		}
		s.OrderID = id
		return true, nil
	})
}

// recordEvent records a Kubernetes event: no retry.
func (r *Reconciler) recordEvent(s *Site, reason, msg string) {
	r.events.Eventf(s, "Normal", reason, "%s", msg)
}
