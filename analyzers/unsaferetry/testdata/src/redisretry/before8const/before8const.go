// Package before8const sets go-redis's retries to 2 before v8: its
// counter is sent again after a lost reply.
package before8const

import "github.com/go-redis/redis/v7"

func Count(addr string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: 2})
	return rdb.Incr("starts").Err() // want `Redis INCR sent through go-redis's command retries \(MaxRetries set;`
}
