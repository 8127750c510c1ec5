// Package defaults leaves go-redis's retries at their default: the
// library's choice, not the author's, so nothing is reported (as for
// Kafka producers at their defaults).
package defaults

import (
	"context"

	"github.com/redis/go-redis/v9"
)

func Hit(ctx context.Context, addr, user string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	return rdb.Incr(ctx, "hits:"+user).Err()
}
