// Package restyconds is a mail API client whose manager configures one
// resty client: a retry count from its builder's default, and retry
// conditions that replace resty's own (retry on any error).
package restyconds

import (
	"errors"
	"net"
	"net/http"

	"github.com/go-resty/resty/v2"
)

type builder struct {
	baseURL    string
	retryCount int
}

func newBuilder() *builder {
	return &builder{baseURL: "https://mail.example.com/api", retryCount: 3}
}

// Option changes the builder.
type Option func(*builder)

// WithRetryCount sets how often a failed request is sent again.
func WithRetryCount(n int) Option { return func(b *builder) { b.retryCount = n } }

type Manager struct {
	rc *resty.Client
}

// New builds a manager whose client retries on 429, on a lost connection
// and on a request that got no response at all: the last two can follow a
// request the server executed.
func New(opts ...Option) *Manager {
	b := newBuilder()
	for _, opt := range opts {
		opt(b)
	}
	m := &Manager{rc: resty.New().SetBaseURL(b.baseURL)}
	m.rc.SetRetryCount(b.retryCount)
	m.rc.AddRetryCondition(catchTooManyRequests)
	m.rc.AddRetryCondition(catchNoResponse)
	m.rc.AddRetryCondition(catchDropError)
	return m
}

func catchTooManyRequests(res *resty.Response, _ error) bool {
	return res.StatusCode() == http.StatusTooManyRequests
}

func catchNoResponse(res *resty.Response, _ error) bool {
	return res.RawResponse == nil
}

func catchDropError(_ *resty.Response, err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr)
}

type Draft struct {
	Subject string `json:"Subject"`
	Body    string `json:"Body"`
}

// CreateDraft stores a new draft: a repeat stores a second one.
func (m *Manager) CreateDraft(d Draft) error {
	_, err := m.rc.R().SetBody(d).Post("/mail/v4/messages") // want `POST /mail/v4/messages .*SetRetryCount`
	return err
}

// ThrottledManager's client retries only when the server answered 429.
type ThrottledManager struct {
	rc *resty.Client
}

func NewThrottled() *ThrottledManager {
	b := newBuilder()
	t := &ThrottledManager{rc: resty.New().SetBaseURL(b.baseURL)}
	t.rc.SetRetryCount(b.retryCount).AddRetryCondition(catchTooManyRequests)
	return t
}

// CreateDraft through a client retrying only refusals: silent.
func (t *ThrottledManager) CreateDraft(d Draft) error {
	_, err := t.rc.R().SetBody(d).Post("/mail/v4/messages")
	return err
}

type settings struct {
	retries int
}

// ConfiguredManager's count comes only from its user's settings.
type ConfiguredManager struct {
	rc *resty.Client
}

func NewConfigured(s settings) *ConfiguredManager {
	c := &ConfiguredManager{rc: resty.New()}
	c.rc.SetRetryCount(s.retries)
	return c
}

// CreateDraft through a client whose count is unknown: silent.
func (c *ConfiguredManager) CreateDraft(d Draft) error {
	_, err := c.rc.R().SetBody(d).Post("/mail/v4/messages")
	return err
}
