// Package worker retries the inbox store's calls on transient database
// errors.
package worker

import (
	"context"
	"time"

	"example.com/inbox/internal/store"
)

func retry(ctx context.Context, f func() error) error {
	var err error
	for i := 0; i < 5; i++ {
		if err = f(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i) * 100 * time.Millisecond):
		}
	}
	return err
}

// Open is an upsert on the caller's id: a repeat adds nothing.
func Open(ctx context.Context, s store.Store, id, title string) error {
	return retry(ctx, func() error { return s.InsertThread(ctx, id, title) })
}

// Post is a plain INSERT: an attempt whose commit was not acknowledged
// adds the message again.
func Post(ctx context.Context, s store.Store, thread, body string) error {
	return retry(ctx, func() error { return s.AppendMessage(ctx, thread, body) }) // want `AppendMessage \(INSERT INTO \{…\}messages in pgStore.AppendMessage\)`
}

// Notify is an upsert, but on a notice id the store makes anew on every
// call: a repeat conflicts with nothing.
func Notify(ctx context.Context, s store.Store, recipient, text string) error {
	return retry(ctx, func() error { return s.SendNotice(ctx, recipient, text) }) // want `SendNotice \(INSERT INTO \{…\}notices in pgStore.SendNotice\).*conflict key \(\$1\) is a new value on every call`
}

// MarkRead inserts a receipt whose duplicate the store takes as done.
func MarkRead(ctx context.Context, s store.Store, thread, reader string) error {
	return retry(ctx, func() error { return s.CreateReceipt(ctx, thread, reader) })
}

// Forward hands the digest to a deliverer twice cannot see: unknown, so
// silent, although the method is named like a send.
func Forward(ctx context.Context, s store.Store, thread string) error {
	return retry(ctx, func() error { return s.SendDigest(ctx, thread) })
}

// Advance creates the reader's mark or moves it (insert on one branch,
// update of the same table on the other): a repeat moves it again.
func Advance(ctx context.Context, s store.Store, reader string, pos int64) error {
	return retry(ctx, func() error { return s.InsertReadMark(ctx, reader, pos) })
}

// Annotate inserts a note; its other branch updates another table, which
// does not make the note's INSERT an upsert.
func Annotate(ctx context.Context, s store.Store, thread, text string) error {
	return retry(ctx, func() error { return s.AppendNote(ctx, thread, text) }) // want `AppendNote \(INSERT INTO \{…\}notes in pgStore.AppendNote\)`
}
