// Package logsdk is a log service SDK with its own retry helper: the
// operation returns whether to go round again, and the helper checks for
// cancellation in a select around the select on its backoff ticker. Its
// request function retries reads on any server error and writes on a few
// 5xx; a second client retries only its GETs.
package logsdk

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"time"
)

// ConditionOperation returns whether to try again, and the last error.
type ConditionOperation func() (bool, error)

// RetryWithCondition runs o on every tick until it says to stop.
func RetryWithCondition(ctx context.Context, every time.Duration, o ConditionOperation) error {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	var err error
	var needRetry bool
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			select {
			case <-ticker.C:
				needRetry, err = o()
				if !needRetry {
					return err
				}
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

type ServerError struct{ HTTPCode int }

func (e *ServerError) Error() string { return "server error" }

func retryReadCheck(err error) (bool, error) {
	var se *ServerError
	if errors.As(err, &se) && se.HTTPCode >= 500 {
		return true, err
	}
	return false, err
}

func retryWriteCheck(err error) (bool, error) {
	var se *ServerError
	if errors.As(err, &se) && (se.HTTPCode == 500 || se.HTTPCode == 502 || se.HTTPCode == 503) {
		return true, err
	}
	return false, err
}

type Project struct {
	hc       *http.Client
	endpoint string
}

func (p *Project) realRequest(ctx context.Context, method, uri string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, p.endpoint+uri, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return nil, &ServerError{HTTPCode: resp.StatusCode}
	}
	return resp, nil
}

// request retries reads on any 5xx and writes on 500/502/503.
func (p *Project) request(ctx context.Context, method, uri string, body []byte) (*http.Response, error) {
	var r *http.Response
	var reqErr error
	var err error
	if method == http.MethodGet {
		err = RetryWithCondition(ctx, time.Second, func() (bool, error) {
			r, reqErr = p.realRequest(ctx, method, uri, body)
			return retryReadCheck(reqErr)
		})
	} else {
		err = RetryWithCondition(ctx, time.Second, func() (bool, error) {
			r, reqErr = p.realRequest(ctx, method, uri, body)
			return retryWriteCheck(reqErr)
		})
	}
	if err != nil {
		return r, err
	}
	return r, reqErr
}

// PutLogs appends a log group to a store: a repeat stores the logs twice.
func (p *Project) PutLogs(ctx context.Context, store string, group []byte) error {
	_, err := p.request(ctx, http.MethodPost, "/logstores/"+store+"/shards/lb", group) // want `POST /logstores/\{…\}/shards/lb is retried by Project\.request, which sends it again inside logsdk\.RetryWithCondition`
	return err
}

// GetLogs reads.
func (p *Project) GetLogs(ctx context.Context, store string) error {
	_, err := p.request(ctx, http.MethodGet, "/logstores/"+store+"/logs", nil)
	return err
}

// CreateIndex creates the index of a store, which has one: a second
// create is refused.
func (p *Project) CreateIndex(ctx context.Context, store string, index []byte) error {
	_, err := p.request(ctx, http.MethodPost, "/logstores/"+store+"/index", index) // want `POST /logstores/\{…\}/index is retried by Project\.request.*check: it creates /logstores/\{…\}/index, of which the resource named in the path has one`
	return err
}

// CreateLogging sets up the project's logging, of which the project has
// one: GetLogging reads it without an id, and a second create is refused.
func (p *Project) CreateLogging(ctx context.Context, detail []byte) error {
	_, err := p.request(ctx, http.MethodPost, "/logging", detail) // want `POST /logging is retried by Project\.request.*check: it creates the one logging that GetLogging reads without an id`
	return err
}

// GetLogging reads the project's logging.
func (p *Project) GetLogging(ctx context.Context) error {
	_, err := p.request(ctx, http.MethodGet, "/logging", nil)
	return err
}

// CreateAlert adds an alert; alerts are many, each read by its name, so a
// repeat makes a second one.
func (p *Project) CreateAlert(ctx context.Context, alert []byte) error {
	_, err := p.request(ctx, http.MethodPost, "/alert", alert) // want `POST /alert is retried by Project\.request.*retry only idempotent calls; check: its name says it creates something`
	return err
}

// CreateDashboard adds a dashboard. GetDashboard reads the default one
// without an id, but ListDashboards says a project has many: a repeat
// makes a second.
func (p *Project) CreateDashboard(ctx context.Context, board []byte) error {
	_, err := p.request(ctx, http.MethodPost, "/dashboard", board) // want `POST /dashboard is retried by Project\.request.*retry only idempotent calls; check: its name says it creates something`
	return err
}

// GetDashboard reads the project's default dashboard.
func (p *Project) GetDashboard(ctx context.Context) error {
	_, err := p.request(ctx, http.MethodGet, "/dashboard", nil)
	return err
}

// ListDashboards reads them all.
func (p *Project) ListDashboards(ctx context.Context) error {
	_, err := p.request(ctx, http.MethodGet, "/dashboards", nil)
	return err
}

// CreateAccessToken mints a token: a repeat mints a second one.
func (p *Project) CreateAccessToken(ctx context.Context, scope []byte) error {
	_, err := p.request(ctx, http.MethodPost, "/tokens", scope) // want `POST /tokens is retried by Project\.request.*check: it issues a token, and a repeat issues a second one`
	return err
}

// GetAlert reads one alert.
func (p *Project) GetAlert(ctx context.Context, name string) error {
	_, err := p.request(ctx, http.MethodGet, "/alert/"+name, nil)
	return err
}

// ReadOnlyRetries retries only its GETs; writes are sent once.
type ReadOnlyRetries struct{ p *Project }

func (c *ReadOnlyRetries) request(ctx context.Context, method, uri string, body []byte) (*http.Response, error) {
	if method == http.MethodGet {
		var r *http.Response
		err := RetryWithCondition(ctx, time.Second, func() (bool, error) {
			var err error
			r, err = c.p.realRequest(ctx, method, uri, body)
			return retryReadCheck(err)
		})
		return r, err
	}
	return c.p.realRequest(ctx, method, uri, body)
}

func (c *ReadOnlyRetries) PutLogs(ctx context.Context, store string, group []byte) error {
	_, err := c.request(ctx, http.MethodPost, "/logstores/"+store+"/shards/lb", group)
	return err
}
