// Package passedon passes its users' retry setting to go-redis: 0 (the
// setting's zero value) means go-redis's 3 retries, so the package's
// commands are retried unless a user turns them off.
package passedon

import (
	"context"

	"github.com/go-redis/redis/v8"
)

type Settings struct {
	Addr       string `json:"addr"`
	MaxRetries int    `json:"maxRetries,omitempty"`
}

func options(s Settings) *redis.Options {
	ropts := &redis.Options{Addr: s.Addr}
	ropts.MaxRetries = s.MaxRetries
	return ropts
}

func Pop(ctx context.Context, s Settings, queue string) (string, error) {
	rdb := redis.NewClient(options(s))
	if err := rdb.RPush(ctx, queue+":seen", "1").Err(); err != nil { // want `Redis RPUSH sent through go-redis's command retries`
		return "", err
	}
	return rdb.Get(ctx, queue).Result()
}
