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
