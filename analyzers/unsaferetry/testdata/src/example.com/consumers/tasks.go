package consumers

import (
	"context"
	"database/sql"
	"net/http"
	"strings"

	"github.com/hibiken/asynq"
)

type Mailer struct{ api string }

// sendWelcome posts a welcome mail; an error after the mail service took
// it makes asynq retry the task and the user gets two mails.
func (m *Mailer) sendWelcome(ctx context.Context, t *asynq.Task) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.api+"/messages", strings.NewReader(string(t.Payload())))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// markVerified sets a flag: a retried task sets it again. Silent.
func markVerified(db *sql.DB) func(context.Context, *asynq.Task) error {
	return func(ctx context.Context, t *asynq.Task) error {
		_, err := db.ExecContext(ctx, `UPDATE users SET verified = true WHERE id = $1`, string(t.Payload()))
		return err
	}
}

func Routes(m *Mailer, db *sql.DB) *asynq.ServeMux {
	mux := asynq.NewServeMux()
	mux.HandleFunc("mail:welcome", m.sendWelcome) // want `Mailer.sendWelcome \(POST /messages\) inside asynq ServeMux.HandleFunc`
	mux.HandleFunc("user:verified", markVerified(db))
	return mux
}

// chargeCard charges the card a task names; the payment API gives each
// charge a new id, so a retried task charges twice.
func chargeCard(ctx context.Context, t *asynq.Task) error {
	resp, err := http.Post("https://pay.example.com/v1/charges", "application/json", strings.NewReader(string(t.Payload())))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RunBilling serves one task type with a HandlerFunc; a mux handed to Run
// dispatches to the handlers registered on it, judged there.
func RunBilling(srv *asynq.Server, mux *asynq.ServeMux) error {
	if err := srv.Start(mux); err != nil {
		return err
	}
	return srv.Run(asynq.HandlerFunc(chargeCard)) // want `chargeCard \(POST /v1/charges\) inside asynq Server.Run`
}
