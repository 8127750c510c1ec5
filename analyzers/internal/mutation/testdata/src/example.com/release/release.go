// Package release cuts a release: GitHub, Stripe, notifications and the
// company's billing SDK.
package release

import (
	"context"
	"errors"
	"os"

	"example.com/billing"
	"example.com/notify"
	"github.com/google/go-github/v60/github"
	"github.com/google/uuid"
	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/charge"
	"github.com/stripe/stripe-go/v76/paymentintent"
)

var ErrReleaseExists = errors.New("release exists")

type Publisher interface {
	Publish(ctx context.Context, topic string, body []byte) error
	Describe(ctx context.Context, topic string) (string, error)
}

type Releaser struct {
	gh      *github.Client
	bill    *billing.Client
	notify  notify.Notifier
	jobs    notify.JobRunner
	errs    notify.Errors
	pub     Publisher
	records map[string]string
}

// Cut returns early when the tag is already released (check-before-create).
// go-github's methods are writes by their bodies (the request goes through
// a helper that copies it with its context); what a create is keyed by is
// judged when it is reported (JudgePurpose), not here.
func (r *Releaser) Cut(ctx context.Context, tag string) error {
	if _, _, err := r.gh.Repositories.GetReleaseByTag(ctx, "acme", "api", tag); err == nil {
		return nil
	}
	rel := &github.RepositoryRelease{TagName: github.String(tag)}
	if _, _, err := r.gh.Repositories.CreateRelease(ctx, "acme", "api", rel); err != nil { // want `mutating: Repositories.CreateRelease \(POST /repos/\{…\}/\{…\}/releases\); create-if-missing$`
		return err
	}
	if _, _, err := r.gh.PullRequests.Create(ctx, "acme", "api", &github.NewPullRequest{}); err != nil { // want `mutating: PullRequests.Create \(POST /repos/\{…\}/\{…\}/pulls\)$`
		return err
	}
	if _, _, err := r.gh.PullRequests.List(ctx, "acme", "api", nil); err != nil {
		return err
	}
	if _, err := r.gh.Repositories.DeleteRelease(ctx, "acme", "api", 1); err != nil {
		return err
	}
	if err := r.notify.Notify(ctx, notify.Message{To: "#releases"}); err != nil { // want `mutating: Notifier.Notify \(an interface method with no body twice can see, named like a notification\)$`
		return err
	}
	if _, err := r.notify.Status(ctx, tag); err != nil {
		return r.errs.AppendError(err, ctx.Err())
	}
	if err := r.jobs.RunJob(ctx, "deploy"); err != nil { // want `mutating: JobRunner.RunJob \(an interface method with no body twice can see, named like a job run\)$`
		return err
	}
	if err := r.jobs.Run(ctx); err != nil {
		return err
	}
	if err := r.pub.Publish(ctx, "releases", []byte(tag)); err != nil { // want `mutating: Publisher.Publish \(an interface method with no body twice can see, named like a publish\)$`
		return err
	}
	_, err := r.pub.Describe(ctx, "releases")
	return err
}

func (r *Releaser) Bill(ctx context.Context, customer string) error {
	if err := r.bill.Charge(ctx, customer, 100); err != nil { // want `mutating: Client.Charge \(listed as mutating\)$`
		return err
	}
	if err := r.bill.ChargeOnce(ctx, customer, 100); err != nil {
		return err
	}
	if err := r.bill.CreateInvoice(ctx, customer); err != nil {
		return err
	}
	// A concrete method of a package without facts (this test's classifier
	// is not told which packages were analyzed) is unknown: silent, whatever
	// its name.
	return r.bill.SendReceipt(ctx, customer)
}

func (r *Releaser) Stripe(orderID string) error {
	params := &stripe.ChargeParams{Amount: stripe.Int64(100), Currency: stripe.String("eur")}
	params.SetIdempotencyKey("charge-" + orderID)
	if _, err := charge.New(params); err != nil { // want `mutating: Stripe charge.New; key IdempotencyKey \(stable\)$`
		return err
	}
	pi := &stripe.PaymentIntentParams{Amount: stripe.Int64(100)}
	pi.IdempotencyKey = stripe.String(uuid.New().String())
	if _, err := paymentintent.New(pi); err != nil { // want `mutating: Stripe paymentintent.New; key IdempotencyKey \(fresh\)$`
		return err
	}
	_, err := paymentintent.Get("pi_1", nil)
	return err
}

// createRecord has a body the analysis judges: a map write, not remote.
func (r *Releaser) createRecord(ctx context.Context, tag string) error {
	r.records[tag] = "created"
	return os.WriteFile("/tmp/"+tag, nil, 0o600)
}

func (r *Releaser) Local(ctx context.Context, tag string) error {
	return r.createRecord(ctx, tag)
}
