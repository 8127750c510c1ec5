// Package kgo is a stub of github.com/twmb/franz-go/pkg/kgo for analyzer
// tests: the real signatures of the functions twice matches.
package kgo

import "context"

type Opt interface{ apply() }

type opt struct{}

func (opt) apply() {}

func SeedBrokers(brokers ...string) Opt { return opt{} }
func DisableIdempotentWrite() Opt       { return opt{} }
func RecordRetries(n int) Opt           { return opt{} }
func DefaultProduceTopic(t string) Opt  { return opt{} }

type Record struct {
	Topic string
	Key   []byte
	Value []byte
}

type ProduceResult struct {
	Record *Record
	Err    error
}

type ProduceResults []ProduceResult

func (rs ProduceResults) FirstErr() error { return nil }

type Client struct{}

func NewClient(opts ...Opt) (*Client, error) { return &Client{}, nil }

func (c *Client) ProduceSync(ctx context.Context, rs ...*Record) ProduceResults        { return nil }
func (c *Client) Produce(ctx context.Context, r *Record, promise func(*Record, error)) {}
func (c *Client) Close()                                                               {}
