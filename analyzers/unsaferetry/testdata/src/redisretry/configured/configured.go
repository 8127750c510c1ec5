// Package configured sets go-redis's MaxRetries: a command whose reply
// timed out after it was written is sent again, so counters and lists
// can grow twice; reads and absolute sets stay silent.
package configured

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Limiter struct{ rdb *redis.Client }

func New(addr string) *Limiter {
	return &Limiter{rdb: redis.NewClient(&redis.Options{Addr: addr, MaxRetries: 5})}
}

func (l *Limiter) Hit(ctx context.Context, user string) (int64, error) {
	return l.rdb.Incr(ctx, "hits:"+user).Result() // want `Redis INCR sent through go-redis's command retries \(MaxRetries set; a command whose reply timed out or whose connection dropped after it was written is sent again\) runs again on every retry; the counter can be incremented twice .*: send it through a client with MaxRetries: -1, or guard the command`
}

func (l *Limiter) Enqueue(ctx context.Context, job string) error {
	return l.rdb.LPush(ctx, "jobs", job).Err() // want `Redis LPUSH sent through go-redis's command retries`
}

func (l *Limiter) Batch(ctx context.Context, user string) error {
	_, err := l.rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.IncrBy(ctx, "hits:"+user, 2) // want `Redis INCRBY sent through go-redis's command retries`
		pipe.Expire(ctx, "hits:"+user, time.Minute)
		return nil
	})
	return err
}

func (l *Limiter) Count(ctx context.Context, user string) (string, error) {
	return l.rdb.Get(ctx, "hits:"+user).Result() // a read: silent
}

func (l *Limiter) Reset(ctx context.Context, user string) error {
	return l.rdb.Set(ctx, "hits:"+user, 0, 0).Err() // an absolute set: silent
}

// Transactions are not sent again after a read error (go-redis retries
// one only when writing it failed): silent.
func (l *Limiter) Transfer(ctx context.Context, from, to string, n int64) error {
	return l.rdb.Watch(ctx, func(tx *redis.Tx) error {
		tx.Incr(ctx, "transfers")
		_, err := tx.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
			pipe.IncrBy(ctx, to, n)
			pipe.IncrBy(ctx, from, -n)
			return nil
		})
		return err
	}, from, to)
}

// A *Tx's Pipelined is a transaction too; a pipeline handed in may be
// one (here it is): silent.
func (l *Limiter) Move(ctx context.Context, from, to string) error {
	return l.rdb.Watch(ctx, func(tx *redis.Tx) error {
		_, err := tx.Pipelined(ctx, func(p redis.Pipeliner) error {
			note(ctx, p, to)
			p.LPush(ctx, to, from)
			return nil
		})
		return err
	}, from)
}

func note(ctx context.Context, pipe redis.Pipeliner, key string) {
	pipe.Incr(ctx, key+":moves")
}

func (l *Limiter) Queue(ctx context.Context, job string) error {
	tx := l.rdb.TxPipeline()
	tx.LPush(ctx, "jobs", job)
	tx.Incr(ctx, "queued")
	_, err := tx.Exec(ctx)
	return err
}

// A plain pipeline is retried after a read error: reported.
func (l *Limiter) Many(ctx context.Context, jobs []string) error {
	p := l.rdb.Pipeline()
	for _, j := range jobs {
		p.LPush(ctx, "jobs", j) // want `Redis LPUSH sent through go-redis's command retries`
	}
	_, err := p.Exec(ctx)
	return err
}
