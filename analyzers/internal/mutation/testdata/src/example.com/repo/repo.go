// Package repo is a repository layer with SQL constants, as services keep
// them: database/sql, sqlx and pgx side by side.
package repo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

const (
	insertOrder = `INSERT INTO orders (id, customer_id, amount) VALUES ($1, $2, $3)`
	upsertOrder = `
		INSERT INTO orders (id, customer_id, amount) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET amount = EXCLUDED.amount`
	markPaid     = `UPDATE orders SET status = 'paid', paid_at = now() WHERE id = $1`
	debit        = `UPDATE accounts SET balance = balance - $1 WHERE id = $2`
	deleteOrder  = `DELETE FROM orders WHERE id = $1`
	insertReturn = `INSERT INTO invoices (order_id) VALUES ($1) RETURNING id`
	cols         = "(id, amount)"
)

var insertEvent = "INSERT INTO order_events (order_id, kind) VALUES ($1, $2)"

var ErrDuplicate = errors.New("duplicate order")

type Repo struct {
	db   *sql.DB
	x    *sqlx.DB
	pool *pgxpool.Pool
	conn *pgx.Conn
}

func (r *Repo) Insert(ctx context.Context, id, customer string, amount int64) error {
	_, err := r.db.ExecContext(ctx, insertOrder, id, customer, amount) // want `mutating: INSERT INTO orders$`
	return err
}

func (r *Repo) Upsert(ctx context.Context, id, customer string, amount int64) error {
	_, err := r.db.ExecContext(ctx, upsertOrder, id, customer, amount)
	return err
}

func (r *Repo) MarkPaid(ctx context.Context, id string) error {
	_, err := r.db.ExecContext(ctx, markPaid, id)
	return err
}

func (r *Repo) Debit(ctx context.Context, id string, amount int64) error {
	_, err := r.db.ExecContext(ctx, debit, amount, id) // want `mutating: UPDATE accounts$`
	return err
}

func (r *Repo) Delete(ctx context.Context, id string) error {
	_, err := r.db.Exec(deleteOrder, id)
	return err
}

func (r *Repo) Invoice(ctx context.Context, orderID string) (id int64, err error) {
	err = r.db.QueryRowContext(ctx, insertReturn, orderID).Scan(&id) // want `mutating: INSERT INTO invoices$`
	return id, err
}

func (r *Repo) Event(ctx context.Context, orderID, kind string) error {
	_, err := r.db.ExecContext(ctx, insertEvent, orderID, kind) // want `mutating: INSERT INTO order_events$`
	return err
}

func (r *Repo) Archive(ctx context.Context, table string) error {
	q := "INSERT INTO " + table + "_archive " + cols + " SELECT id, amount FROM " + table + " WHERE archived_at IS NULL"
	_, err := r.db.ExecContext(ctx, q) // want `mutating: INSERT INTO \{…\}_archive$`
	return err
}

func (r *Repo) Sprintf(ctx context.Context, table string) error {
	_, err := r.db.ExecContext(ctx, fmt.Sprintf("UPDATE %s SET hits = hits + 1 WHERE id = $1", table), 1) // want `mutating: UPDATE \{…\}$`
	return err
}

// A tail the analysis cannot see could be an ON CONFLICT clause: silent.
func (r *Repo) OpenEnded(ctx context.Context, conflict string) error {
	_, err := r.db.ExecContext(ctx, insertOrder+conflict)
	return err
}

func (r *Repo) Prepared(ctx context.Context, ids []string) error {
	stmt, err := r.db.PrepareContext(ctx, insertEvent)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id, "created"); err != nil { // want `mutating: INSERT INTO order_events$`
			return err
		}
	}
	return nil
}

func (r *Repo) Sqlx(ctx context.Context, id string) error {
	r.x.MustExec("INSERT INTO audit (id) VALUES ($1)", id) // want `mutating: INSERT INTO audit$`
	if _, err := r.x.NamedExecContext(ctx, `UPDATE users SET name = :name WHERE id = :id`, nil); err != nil {
		return err
	}
	var n int
	if err := r.x.GetContext(ctx, &n, "INSERT INTO counters (k) VALUES ($1) RETURNING n", id); err != nil { // want `mutating: INSERT INTO counters$`
		return err
	}
	return r.x.Get(&n, "SELECT count(*) FROM users")
}

func (r *Repo) Pgx(ctx context.Context, id string) error {
	if _, err := r.pool.Exec(ctx, "INSERT INTO ledger (id) VALUES ($1)", id); err != nil { // want `mutating: INSERT INTO ledger; create-if-missing$`
		if errors.Is(err, ErrDuplicate) {
			return nil
		}
		return err
	}
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE stock SET qty = qty - 1 WHERE sku = $1", id); err != nil { // want `mutating: UPDATE stock$`
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO stock (sku) VALUES ($1) ON CONFLICT DO NOTHING", id); err != nil {
		return err
	}
	row := r.conn.QueryRow(ctx, "SELECT nextval('order_seq')") // want `mutating: SELECT statement$`
	var n int64
	return row.Scan(&n)
}

// exec is the repository's helper: callers' SQL decides.
func (r *Repo) exec(ctx context.Context, q string, args ...any) error {
	_, err := r.db.ExecContext(ctx, q, args...)
	return err
}

func (r *Repo) ViaHelper(ctx context.Context, id string) error {
	if err := r.exec(ctx, insertOrder, id, "c", 1); err != nil { // want `mutating: INSERT INTO orders$`
		return err
	}
	return r.exec(ctx, markPaid, id)
}

func (r *Repo) Created(ctx context.Context, id string) error {
	err := r.Insert(ctx, id, "c", 1) // want `mutating: Repo.Insert \(INSERT INTO orders\); create-if-missing$`
	if errors.Is(err, ErrDuplicate) {
		return nil
	}
	return err
}
