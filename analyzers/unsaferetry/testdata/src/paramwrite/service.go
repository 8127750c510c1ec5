// Package paramwrite calls helpers that own the retry and take the HTTP
// method or SQL text from their callers: the caller passing a write is
// reported, the one passing a read or an idempotent method is not.
package paramwrite

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"example.com/apiclient"
	"github.com/cenkalti/backoff/v4"
)

type Service struct {
	api *apiclient.Client
	db  *sql.DB
}

type Payment struct{ Amount int64 }

func (s *Service) Pay(ctx context.Context, p Payment) error {
	return s.api.Request(ctx, http.MethodPost, "/v1/payments", p, nil) // want `POST /v1/payments is retried by Client\.do, which sends it again inside a retry loop; the request can be applied twice if an attempt succeeded but its response was lost: send an Idempotency-Key header created before the retry`
}

func (s *Service) Reads(ctx context.Context, id string) error {
	var p Payment
	if err := s.api.Request(ctx, http.MethodGet, "/v1/payments/"+id, nil, &p); err != nil {
		return err
	}
	if err := s.api.Request(ctx, "PUT", "/v1/payments/"+id+"/memo", "paid", nil); err != nil {
		return err
	}
	if err := s.api.Request(ctx, http.MethodPost, "/v1/payments/_search", map[string]string{"q": id}, nil); err != nil {
		return err
	}
	return s.api.Request(ctx, http.MethodDelete, "/v1/payments/"+id+"/hold", nil, nil)
}

func (s *Service) Refund(ctx context.Context, id string) error {
	return s.api.Send(ctx, apiclient.RequestOptions{Method: http.MethodPost, Path: "/v1/refunds", Body: id}, nil) // want `POST /v1/refunds is retried by Client\.Send, which sends it again inside backoff\.Retry`
}

// Charge builds its options behind a pointer and retries sending a copy.
func (s *Service) Charge(ctx context.Context, amount int64) error {
	opts := &apiclient.RequestOptions{Method: http.MethodPost, Path: "/v1/charges", Body: amount}
	return backoff.Retry(func() error {
		return s.api.CallOnce(*opts) // want `POST /v1/charges inside backoff\.Retry runs again on every retry`
	}, backoff.NewExponentialBackOff())
}

func (s *Service) RefundOnce(ctx context.Context, id, key string) error {
	return s.api.Send(ctx, apiclient.RequestOptions{Method: http.MethodPost, Path: "/v1/refunds", IdempotencyKey: key}, nil)
}

func (s *Service) Status(ctx context.Context, id string) error {
	return s.api.Send(ctx, apiclient.RequestOptions{Path: "/v1/refunds/" + id}, nil) // no Method: GET
}

func (s *Service) Transfer(ctx context.Context, amount int64) error {
	opts := apiclient.RequestOptions{Path: "/v1/transfers", Body: amount}
	opts.Method = http.MethodPatch
	return s.api.Send(ctx, opts, nil) // want `PATCH /v1/transfers is retried by Client\.Send`
}

// call is one more wrapper layer that passes the method on.
func (s *Service) call(ctx context.Context, method, path string, body any) error {
	return s.api.Request(ctx, method, path, body, nil)
}

func (s *Service) Invoice(ctx context.Context, amount int64) error {
	return s.call(ctx, http.MethodPost, "/v1/invoices", amount) // want `POST /v1/invoices is retried by Client\.do`
}

func (s *Service) InvoiceLines(ctx context.Context, id string) error {
	return s.call(ctx, http.MethodGet, "/v1/invoices/"+id+"/lines", nil)
}

func (s *Service) Ack(ctx context.Context, id string) error {
	return s.call(ctx, http.MethodPost, "/v1/events/"+id+"/ack", nil) //nolint:unsaferetry // the server dedups acks
}

// execRetry runs a statement again after any error.
func execRetry(ctx context.Context, db *sql.DB, query string, args ...any) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = db.ExecContext(ctx, query, args...); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func (s *Service) Audit(ctx context.Context, event string) error {
	if err := execRetry(ctx, s.db, "INSERT INTO audit_log (event) VALUES ($1)", event); err != nil { // want `INSERT INTO audit_log is retried by paramwrite\.execRetry, which sends it again inside a retry loop; the row can be inserted twice .*ON CONFLICT`
		return err
	}
	if err := execRetry(ctx, s.db, "UPDATE accounts SET status = $1 WHERE id = $2", "closed", event); err != nil {
		return err
	}
	return execRetry(ctx, s.db, "INSERT INTO seen (id) VALUES ($1) ON CONFLICT DO NOTHING", event)
}
