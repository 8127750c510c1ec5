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
