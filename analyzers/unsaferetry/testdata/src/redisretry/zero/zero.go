// Package zero writes MaxRetries: 0, meaning no retries; go-redis reads 0
// as its default of 3 retries from v8 on (only -1 turns them off), so its
// counter is still sent again after a lost reply.
package zero

import (
	"context"

	"github.com/redis/go-redis/v9"
)

func Start(ctx context.Context, addr string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: 0})
	return rdb.Incr(ctx, "starts").Err() // want `Redis INCR sent through go-redis's command retries \(MaxRetries set;`
}
