// Package redis is a stub of github.com/go-redis/redis/v7 for analyzer
// tests: commands take no context, and MaxRetries 0 means no retries (v8
// changed it to mean 3).
package redis

import "time"

type Options struct {
	Addr string
	// MaxRetries: 0 (the default) means no retries.
	MaxRetries  int
	ReadTimeout time.Duration
}

type baseCmd struct{ err error }

func (c *baseCmd) Err() error { return c.err }

type IntCmd struct{ baseCmd }

func (c *IntCmd) Result() (int64, error) { return 0, c.err }

type StringCmd struct{ baseCmd }

func (c *StringCmd) Result() (string, error) { return "", c.err }

type Cmdable interface {
	RPush(key string, values ...interface{}) *IntCmd
	Incr(key string) *IntCmd
	Get(key string) *StringCmd
}

type cmdable func(args ...interface{}) error

func (c cmdable) RPush(key string, values ...interface{}) *IntCmd { return &IntCmd{} }
func (c cmdable) Incr(key string) *IntCmd                         { return &IntCmd{} }
func (c cmdable) Get(key string) *StringCmd                       { return &StringCmd{} }

type Client struct{ cmdable }

func NewClient(opt *Options) *Client { return &Client{} }
