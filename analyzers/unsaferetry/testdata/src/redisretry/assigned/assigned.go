// Package assigned sets MaxRetries on cluster options by assignment.
package assigned

import (
	"context"

	"github.com/redis/go-redis/v9"
)

func options(addrs []string) *redis.ClusterOptions {
	opt := &redis.ClusterOptions{Addrs: addrs}
	opt.MaxRetries = 2
	return opt
}

func Announce(ctx context.Context, c redis.Cmdable, msg string) error {
	return c.Incr(ctx, "announcements").Err() // want `Redis INCR sent through go-redis's command retries`
}
