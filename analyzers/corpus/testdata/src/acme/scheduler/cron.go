// Package scheduler runs the service's periodic jobs: nightly usage
// reports, reminder e-mails and the ledger close.
package scheduler

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/sethvargo/go-retry"
	"k8s.io/apimachinery/pkg/util/wait"
)

const insertUsageReport = `INSERT INTO usage_reports (tenant_id, period, total) SELECT tenant_id, $1, sum(units) FROM usage WHERE period = $1 GROUP BY tenant_id`

// Jobs holds the dependencies of the periodic jobs.
type Jobs struct {
	db        *sql.DB
	http      *http.Client
	reportURL string
}

// Start runs the heartbeat every minute until stop is closed: a periodic
// runner, not a retry.
func (j *Jobs) Start(stop <-chan struct{}) {
	wait.Until(func() {
		resp, err := j.http.Post(j.reportURL+"/heartbeat", "text/plain", strings.NewReader("ok"))
		if err != nil {
			log.Printf("heartbeat: %v", err)
			return
		}
		resp.Body.Close()
	}, time.Minute, stop)
}

// NightlyUsage writes the usage report, retrying with sethvargo/go-retry:
// a commit whose acknowledgement was lost writes the report twice.
func (j *Jobs) NightlyUsage(ctx context.Context, period string) error {
	b := retry.WithMaxRetries(3, retry.NewExponential(time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		if _, err := j.db.ExecContext(ctx, insertUsageReport, period); err != nil { // want `INSERT INTO usage_reports inside retry\.Do \(sethvargo/go-retry\) runs again on every retry`
			return retry.RetryableError(err)
		}
		return nil
	})
}

// CloseLedger sets absolute values in a retry: safe.
func (j *Jobs) CloseLedger(ctx context.Context, day string) error {
	b := retry.WithMaxRetries(3, retry.NewConstant(5*time.Second))
	return retry.Do(ctx, b, func(ctx context.Context) error {
		_, err := j.db.ExecContext(ctx, `UPDATE ledger_days SET closed = true, closed_at = now() WHERE day = $1`, day)
		return retry.RetryableError(err)
	})
}

// Loop runs the reminder job on a ticker: every tick is a new run.
func (j *Jobs) Loop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			resp, err := j.http.Post(j.reportURL+"/reminders/run", "application/json", nil)
			if err != nil {
				log.Printf("reminders: %v", err)
				continue
			}
			resp.Body.Close()
		}
	}
}

// UsageValue counts with retry.DoValue: a read.
func (j *Jobs) UsageValue(ctx context.Context, tenant string) (int64, error) {
	b := retry.WithMaxRetries(3, retry.NewFibonacci(time.Second))
	return retry.DoValue(ctx, b, func(ctx context.Context) (int64, error) {
		var n int64
		err := j.db.QueryRowContext(ctx, `SELECT count(*) FROM usage WHERE tenant_id = $1`, tenant).Scan(&n)
		return n, retry.RetryableError(err)
	})
}
