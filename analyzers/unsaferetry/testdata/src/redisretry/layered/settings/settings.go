// Package settings builds the go-redis options from its users' settings,
// retry count included.
package settings

import "github.com/redis/go-redis/v9"

type Client struct {
	Addr       string
	MaxRetries int
}

func (c *Client) RedisOptions() *redis.Options {
	return &redis.Options{Addr: c.Addr, MaxRetries: c.MaxRetries}
}
