package docstore

import (
	"context"

	"github.com/avast/retry-go/v4"
	"go.mongodb.org/mongo-driver/mongo"
)

type Lock struct {
	Resource string `bson:"resource"`
	Owner    string `bson:"owner"`
}

// acquire inserts the lock document, which a unique index on resource
// keeps single: a duplicate key means someone holds it, and a repeat of an
// insert that went through is refused the same way.
func (s *Store) acquire(ctx context.Context, l Lock) (bool, error) {
	_, err := s.db.Collection("locks").InsertOne(ctx, l)
	if err != nil {
		if mongo.IsDuplicateKeyError(err) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

func (s *Store) AcquireRetrying(ctx context.Context, l Lock) (held bool, err error) {
	err = retry.Do(func() error {
		held, err = s.acquire(ctx, l)
		return err
	})
	return held, err
}

// note inserts a note and returns whatever went wrong: every repeat adds
// one.
func (s *Store) note(ctx context.Context, l Lock) error {
	_, err := s.db.Collection("notes").InsertOne(ctx, l)
	return err
}

func (s *Store) NoteRetrying(ctx context.Context, l Lock) error {
	return retry.Do(func() error {
		return s.note(ctx, l) // want `Store\.note \(MongoDB insert into notes\) inside retry\.Do`
	})
}
