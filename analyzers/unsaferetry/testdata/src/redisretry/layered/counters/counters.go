// Package counters sends its commands through a pool whose clients retry
// (the retry count is set two packages away).
package counters

import (
	"context"

	"redisretry/layered/pool"
)

func Bump(ctx context.Context, p *pool.Pool, owner, key string) (int64, error) {
	return p.Get(owner).Incr(ctx, key).Result() // want `Redis INCR sent through go-redis's command retries`
}

func Peek(ctx context.Context, p *pool.Pool, owner, key string) (string, error) {
	return p.Get(owner).Get(ctx, key).Result()
}
