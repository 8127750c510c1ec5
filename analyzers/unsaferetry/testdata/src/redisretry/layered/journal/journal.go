// Package journal takes its clients as the pool's own interface type,
// which embeds go-redis's Cmdable: still a retrying client.
package journal

import (
	"context"

	"redisretry/layered/pool"
)

func Log(ctx context.Context, p *pool.Pool, owner, line string) error {
	return p.Conn(owner).LPush(ctx, "log", line).Err() // want `Redis LPUSH sent through go-redis's command retries`
}
