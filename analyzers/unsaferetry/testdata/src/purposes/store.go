package purposes

import (
	"context"
	"database/sql"
	"time"
)

// Store keeps schedules and journal entries; Sync retries its writes
// after any error.
type Store struct{ db *sql.DB }

type Schedule struct {
	ScheduleName string
	Cron         string
}

// CreateSchedule inserts a schedule under the name its caller gives: the
// table's unique name makes a repeat fail, which the helper's name and
// parameter say and the SQL alone does not.
func (s *Store) CreateSchedule(ctx context.Context, sch Schedule) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO schedules (schedule_name, cron) VALUES ($1, $2)`, sch.ScheduleName, sch.Cron)
	return err
}

// AddEntry appends a journal line: a repeat adds a second one.
func (s *Store) AddEntry(ctx context.Context, text string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO journal (text) VALUES ($1)`, text)
	return err
}

// Sync retries both writes after any error.
func (s *Store) Sync(ctx context.Context, sch Schedule, line string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.CreateSchedule(ctx, sch); err != nil { // check: created under the caller's ScheduleName
			time.Sleep(time.Second)
			continue
		}
		if err = s.AddEntry(ctx, line); err != nil { // want `Store.AddEntry \(INSERT INTO journal\) inside a retry loop`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return err
}

// UpsertAlert creates an alert unless one with the key is open, and logs
// what it did in alert_logs: the alert is keyed, and a repeat only logs a
// second "duplicate suppressed".
func (s *Store) UpsertAlert(ctx context.Context, key, summary string) error {
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO alerts (dedup_key, summary) VALUES ($1, $2)
		ON CONFLICT (dedup_key) DO UPDATE SET summary = excluded.summary RETURNING id`, key, summary).Scan(&id)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO alert_logs (alert_id, event) VALUES ($1, 'created')`, id)
	return err
}

// AppendLog stores a line of a log service, whose rows are what it keeps.
func (s *Store) AppendLog(ctx context.Context, line string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO logs (line) VALUES ($1)`, line)
	return err
}

// Ingest retries both after any error.
func (s *Store) Ingest(ctx context.Context, key, line string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.UpsertAlert(ctx, key, line); err != nil { // check: adds a row to alert_logs
			continue
		}
		if err = s.AppendLog(ctx, line); err != nil { // want `Store.AppendLog \(INSERT INTO logs\) inside a retry loop`
			continue
		}
		return nil
	}
	return err
}
