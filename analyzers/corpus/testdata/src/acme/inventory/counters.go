// Package inventory keeps live stock counters and the reservation stream
// in Redis.
package inventory

import (
	"context"
	"fmt"
	"time"

	"github.com/avast/retry-go/v4"
	"github.com/redis/go-redis/v9"
)

// Counters wraps the Redis client.
type Counters struct {
	rdb *redis.Client
}

func stockKey(sku string) string { return "stock:" + sku }

// Decrement retries DECRBY: a command that reached Redis but whose reply
// was lost decrements twice.
func (c *Counters) Decrement(ctx context.Context, sku string, n int64) (int64, error) {
	return retry.DoWithData(func() (int64, error) {
		return c.rdb.DecrBy(ctx, stockKey(sku), n).Result() // want `Redis DECRBY inside retry\.DoWithData \(avast/retry-go\) runs again on every retry; the counter can be decremented twice`
	}, retry.Attempts(3), retry.Context(ctx))
}

// SetLevel writes an absolute level: safe to retry.
func (c *Counters) SetLevel(ctx context.Context, sku string, level int64) error {
	return retry.Do(func() error {
		return c.rdb.Set(ctx, stockKey(sku), level, 0).Err()
	}, retry.Attempts(3))
}

// Reserve records a reservation in a stream, retried by a loop.
func (c *Counters) Reserve(ctx context.Context, sku, orderID string) error {
	var err error
	for i := 0; i < 3; i++ {
		err = c.rdb.XAdd(ctx, &redis.XAddArgs{Stream: "reservations", Values: map[string]any{"sku": sku, "order": orderID}}).Err() // want `Redis XADD inside a retry loop runs again on every retry`
		if err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("reserving %s for %s: %w", sku, orderID, err)
}

// Lock takes a lock with SET NX, retried: the second attempt finds the
// key set.
func (c *Counters) Lock(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	return retry.DoWithData(func() (bool, error) {
		return c.rdb.SetNX(ctx, "lock:"+name, "1", ttl).Result()
	}, retry.Attempts(5))
}

// CountView increments a page-view counter once per call: no retry.
func (c *Counters) CountView(ctx context.Context, page string) error {
	return c.rdb.Incr(ctx, "views:"+page).Err()
}

// Restock adds units for each delivered SKU: a loop over distinct keys.
func (c *Counters) Restock(ctx context.Context, delivered map[string]int64) error {
	for sku, n := range delivered {
		if err := c.rdb.IncrBy(ctx, stockKey(sku), n).Err(); err != nil {
			return err
		}
	}
	return nil
}
