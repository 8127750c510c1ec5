// Package disabled turns go-redis's retries off (MaxRetries -1) or
// leaves the count to a value twice cannot know.
package disabled

import (
	"context"

	"github.com/go-redis/redis/v8"
)

func Hit(ctx context.Context, addr, user string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
	return rdb.Incr(ctx, "hits:"+user).Err()
}

func Configured(ctx context.Context, addr string, retries int) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: retries})
	return rdb.Incr(ctx, "starts").Err()
}
