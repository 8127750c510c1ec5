// Package redis is a stub of github.com/go-redis/redis/v8 for analyzer tests: the real
// signatures of the commands twice matches (reached through cmdable, as in
// the real library).
package redis

import (
	"context"
	"errors"
	"time"
)

var Nil = errors.New("redis: nil")

type Options struct {
	Addr     string
	Password string
	DB       int
	// MaxRetries: 0 means 3 retries, -1 none.
	MaxRetries int
}

type ClusterOptions struct {
	Addrs      []string
	MaxRetries int
}

type UniversalOptions struct {
	Addrs      []string
	MaxRetries int
}

type Cmder interface{ Err() error }

type baseCmd struct{ err error }

func (c *baseCmd) Err() error { return c.err }

type IntCmd struct{ baseCmd }

func (c *IntCmd) Result() (int64, error) { return 0, c.err }
func (c *IntCmd) Val() int64             { return 0 }

type FloatCmd struct{ baseCmd }

func (c *FloatCmd) Result() (float64, error) { return 0, c.err }

type StringCmd struct{ baseCmd }

func (c *StringCmd) Result() (string, error) { return "", c.err }

type StatusCmd struct{ baseCmd }

func (c *StatusCmd) Result() (string, error) { return "", c.err }

type BoolCmd struct{ baseCmd }

func (c *BoolCmd) Result() (bool, error) { return false, c.err }

type Z struct {
	Score  float64
	Member interface{}
}

type XAddArgs struct {
	Stream string
	ID     string
	Values interface{}
}

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}
func (c cmdable) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd { return &IntCmd{} }
func (c cmdable) Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd {
	return &BoolCmd{}
}
func (c cmdable) Incr(ctx context.Context, key string) *IntCmd                { return &IntCmd{} }
func (c cmdable) IncrBy(ctx context.Context, key string, value int64) *IntCmd { return &IntCmd{} }
func (c cmdable) IncrByFloat(ctx context.Context, key string, value float64) *FloatCmd {
	return &FloatCmd{}
}
func (c cmdable) Decr(ctx context.Context, key string) *IntCmd                    { return &IntCmd{} }
func (c cmdable) DecrBy(ctx context.Context, key string, decrement int64) *IntCmd { return &IntCmd{} }
func (c cmdable) HSet(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) HIncrBy(ctx context.Context, key, field string, incr int64) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) HIncrByFloat(ctx context.Context, key, field string, incr float64) *FloatCmd {
	return &FloatCmd{}
}
func (c cmdable) ZIncrBy(ctx context.Context, key string, increment float64, member string) *FloatCmd {
	return &FloatCmd{}
}
func (c cmdable) ZAdd(ctx context.Context, key string, members ...Z) *IntCmd { return &IntCmd{} }
func (c cmdable) SAdd(ctx context.Context, key string, members ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) LPush(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) RPush(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) LPushX(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) RPushX(ctx context.Context, key string, values ...interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) XAdd(ctx context.Context, a *XAddArgs) *StringCmd      { return &StringCmd{} }
func (c cmdable) Append(ctx context.Context, key, value string) *IntCmd { return &IntCmd{} }
func (c cmdable) Publish(ctx context.Context, channel string, message interface{}) *IntCmd {
	return &IntCmd{}
}
func (c cmdable) SPublish(ctx context.Context, channel string, message interface{}) *IntCmd {
	return &IntCmd{}
}

type Cmdable interface {
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
	Incr(ctx context.Context, key string) *IntCmd
	IncrBy(ctx context.Context, key string, value int64) *IntCmd
	Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd
	LPush(ctx context.Context, key string, values ...interface{}) *IntCmd
}

type Pipeliner interface {
	Cmdable
	Exec(ctx context.Context) ([]Cmder, error)
}

type Client struct {
	cmdable
	opt *Options
}

func NewClient(opt *Options) *Client { return &Client{opt: opt} }

func (c *Client) Close() error { return nil }
func (c *Client) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
func (c *Client) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

func (c *Client) TxPipeline() Pipeliner { return nil }
func (c *Client) Pipeline() Pipeliner   { return nil }

// Tx is a transaction on the connection a Watch holds.
type Tx struct {
	cmdable
}

func (c *Tx) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

func (c *Client) Watch(ctx context.Context, fn func(*Tx) error, keys ...string) error { return nil }

func (c *Tx) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}
