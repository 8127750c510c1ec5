package restyconds

import (
	"context"

	"github.com/go-resty/resty/v2"
)

// Client makes its requests through the manager and gives each one to the
// operation's callback.
type Client struct {
	m     *Manager
	plain *resty.Client
	token string
}

func (m *Manager) r(ctx context.Context) *resty.Request {
	return m.rc.R().SetContext(ctx)
}

func (c *Client) exec(ctx context.Context, fn func(*resty.Request) (*resty.Response, error)) (*resty.Response, error) {
	r := c.m.r(ctx)
	if c.token != "" {
		r.SetHeader("Authorization", "Bearer "+c.token)
	}
	return fn(r)
}

func (c *Client) do(ctx context.Context, fn func(*resty.Request) (*resty.Response, error)) error {
	_, err := c.exec(ctx, fn)
	return err
}

// CreateContact posts through the manager's retrying client.
func (c *Client) CreateContact(ctx context.Context, name string) error {
	return c.do(ctx, func(r *resty.Request) (*resty.Response, error) {
		return r.SetBody(map[string]string{"Name": name}).Post("/contacts/v4") // want `POST /contacts/v4 .*SetRetryCount`
	})
}

// UpdateContact PUTs: a repeat stores the same thing.
func (c *Client) UpdateContact(ctx context.Context, id, name string) error {
	return c.do(ctx, func(r *resty.Request) (*resty.Response, error) {
		return r.SetBody(map[string]string{"Name": name}).Put("/contacts/v4/" + id)
	})
}

func (c *Client) execPlain(fn func(*resty.Request) (*resty.Response, error)) error {
	_, err := fn(c.plain.R())
	return err
}

// ReportBug goes through a helper handing out requests of a client that
// does not retry.
func (c *Client) ReportBug(text string) error {
	return c.execPlain(func(r *resty.Request) (*resty.Response, error) {
		return r.SetBody(map[string]string{"Text": text}).Post("/core/v4/reports/bug")
	})
}
