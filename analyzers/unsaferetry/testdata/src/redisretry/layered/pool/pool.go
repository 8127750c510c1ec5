// Package pool keeps a client per address, made from another package's
// options whose retries are set: its clients retry, and so do the
// commands of a package that takes one from it.
package pool

import (
	"redisretry/layered/settings"

	"github.com/redis/go-redis/v9"
)

type Pool struct {
	cfg     *settings.Client
	clients map[string]*redis.Client
}

func (p *Pool) Get(addr string) *redis.Client {
	if c, ok := p.clients[addr]; ok {
		return c
	}
	opt := p.cfg.RedisOptions()
	opt.Addr = addr
	c := redis.NewClient(opt)
	p.clients[addr] = c
	return c
}

// Conn is the part of a client the program uses.
type Conn interface {
	redis.Cmdable
}

func (p *Pool) Conn(addr string) Conn { return p.Get(addr) }
