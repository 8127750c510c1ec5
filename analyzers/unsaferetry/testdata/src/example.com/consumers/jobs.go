package consumers

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/riverqueue/river"
)

type InvoiceArgs struct{ CustomerID string }

func (InvoiceArgs) Kind() string { return "invoice" }

// InvoiceWorker inserts an invoice row per job: a job retried after a
// commit whose reply was lost inserts a second invoice.
type InvoiceWorker struct {
	river.WorkerDefaults[InvoiceArgs]
	db *sql.DB
}

func (w *InvoiceWorker) Work(ctx context.Context, job *river.Job[InvoiceArgs]) error {
	_, err := w.db.ExecContext(ctx, `INSERT INTO invoices (customer_id) VALUES ($1)`, job.Args.CustomerID)
	return err
}

type TouchArgs struct{ ID string }

func (TouchArgs) Kind() string { return "touch" }

// RegisterWorkers registers a worker type and a WorkFunc; the touch job
// sets a column, which a retry sets again (silent).
func RegisterWorkers(db *sql.DB) *river.Workers {
	workers := river.NewWorkers()
	river.AddWorker(workers, &InvoiceWorker{db: db}) // want `InvoiceWorker.Work \(INSERT INTO invoices\) inside river.AddWorker`
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, job *river.Job[TouchArgs]) error {
		_, err := db.ExecContext(ctx, `UPDATE items SET touched_at = now() WHERE id = $1`, job.Args.ID)
		return err
	}))
	return workers
}

type orderPlaced struct {
	OrderID string `json:"order_id"`
	Amount  int64  `json:"amount"`
}

// WatermillRoutes registers Watermill handlers: a nacked message is delivered
// again, so the ledger insert can happen twice; the status update is an
// absolute set (silent).
func WatermillRoutes(r *message.Router, sub message.Subscriber, db *sql.DB) {
	r.AddNoPublisherHandler("ledger", "orders", sub, func(msg *message.Message) error {
		var ev orderPlaced
		if err := json.Unmarshal(msg.Payload, &ev); err != nil {
			return err
		}
		_, err := db.Exec(`INSERT INTO ledger (order_id, amount) VALUES ($1, $2)`, ev.OrderID, ev.Amount) // want `INSERT INTO ledger inside Watermill Router.AddNoPublisherHandler`
		return err
	})
	r.AddConsumerHandler("status", "orders", sub, func(msg *message.Message) error {
		_, err := db.Exec(`UPDATE orders SET status = 'placed' WHERE id = $1`, msg.UUID)
		return err
	})
}
