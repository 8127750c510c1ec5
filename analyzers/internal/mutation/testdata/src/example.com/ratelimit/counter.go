// Package ratelimit counts requests per client in Redis.
package ratelimit

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Limiter struct {
	rdb    *redis.Client
	window time.Duration
}

func (l *Limiter) Allow(ctx context.Context, client string) (bool, error) {
	key := "rl:" + client
	n, err := l.rdb.Incr(ctx, key).Result() // want `mutating: Redis INCR$`
	if err != nil {
		return false, err
	}
	if n == 1 {
		l.rdb.Expire(ctx, key, l.window)
	}
	return n <= 100, nil
}

func (l *Limiter) Record(ctx context.Context, client string, event string) error {
	if err := l.rdb.Set(ctx, "last:"+client, event, 0).Err(); err != nil {
		return err
	}
	if err := l.rdb.HSet(ctx, "client:"+client, "last", event).Err(); err != nil {
		return err
	}
	if err := l.rdb.LPush(ctx, "events:"+client, event).Err(); err != nil { // want `mutating: Redis LPUSH$`
		return err
	}
	if err := l.rdb.XAdd(ctx, &redis.XAddArgs{Stream: "events", Values: map[string]any{"c": client}}).Err(); err != nil { // want `mutating: Redis XADD$`
		return err
	}
	l.rdb.Del(ctx, "tmp:"+client)
	return l.rdb.Get(ctx, "x").Err()
}
