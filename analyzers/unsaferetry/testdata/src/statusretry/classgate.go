package statusretry

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// ClassClient's loops gate on the status class, the status divided by
// 100: `/100 == 5` is every 5xx, so a loop that goes round on it re-sends
// a request the server may have executed; `/100 == 4` is every 4xx, which
// the server answers without executing anything worth repeating.
type ClassClient struct {
	hc      *http.Client
	base    string
	retries int
}

// SetRetries changes the attempt count; a zero or negative count keeps
// the default.
func (c *ClassClient) SetRetries(n int) {
	c.retries = n
	if n <= 0 {
		c.retries = 4
	}
}

// sendUntilNot5xx leaves on any status outside the 5xx class, or after
// the last attempt; a 5xx sleeps and goes round.
func (c *ClassClient) sendUntilNot5xx(ctx context.Context, method, path, body string) (*http.Response, error) {
	for i := 0; ; i++ {
		req, err := http.NewRequestWithContext(ctx, method, c.base+path, strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode/100 != 5 || i == c.retries {
			return resp, nil
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

// CreateInvoice POSTs through the 5xx loop: a 502 after the invoice was
// made creates a second one.
func (c *ClassClient) CreateInvoice(ctx context.Context, body string) error {
	resp, err := c.sendUntilNot5xx(ctx, http.MethodPost, "/invoices", body) // want `POST /invoices is retried by ClassClient.sendUntilNot5xx`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ReplaceInvoice PUTs through the same loop: a repeat changes nothing.
func (c *ClassClient) ReplaceInvoice(ctx context.Context, body string) error {
	resp, err := c.sendUntilNot5xx(ctx, http.MethodPut, "/invoices/1", body)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostComment switches on the class: a 5xx goes round.
func (c *ClassClient) PostComment(ctx context.Context, body string) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/comments", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /comments inside a retry loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		switch resp.StatusCode / 100 {
		case 5:
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return nil
}

// PostNote switches on the class too, but goes round on a 4xx only: the
// server refused the note, nothing was made.
func (c *ClassClient) PostNote(ctx context.Context, body string) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/notes", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		switch resp.StatusCode / 100 {
		case 4:
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return nil
}

// PostEvent keeps the status in a variable and goes round on its class 5.
func (c *ClassClient) PostEvent(ctx context.Context, body string) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/events", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /events inside a retry loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if code := resp.StatusCode; code/100 == 5 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return nil
}

// PostLabel goes round on class 4 only: silent.
func (c *ClassClient) PostLabel(ctx context.Context, body string) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/labels", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode/100 == 4 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return nil
}

// sendUntilNot4xx leaves on anything but a 4xx: refusal-only, silent for
// a POST.
func (c *ClassClient) sendUntilNot4xx(ctx context.Context, method, path, body string) (*http.Response, error) {
	for i := 0; ; i++ {
		req, err := http.NewRequestWithContext(ctx, method, c.base+path, strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode/100 != 4 || i == c.retries {
			return resp, nil
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

func (c *ClassClient) CreateTag(ctx context.Context, body string) error {
	resp, err := c.sendUntilNot4xx(ctx, http.MethodPost, "/tags", body)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// serverFailed and clientRefused judge a status by its class.
func serverFailed(code int) bool {
	switch code / 100 {
	case 5:
		return true
	}
	return false
}

func clientRefused(code int) bool { return code/100 == 4 }

// PostPayment goes round while the predicate says the server failed.
func (c *ClassClient) PostPayment(ctx context.Context, body string) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/payments", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // want `POST /payments inside a retry loop`
		if err != nil {
			return err
		}
		resp.Body.Close()
		if !serverFailed(resp.StatusCode) {
			return nil
		}
	}
	return nil
}

// PostReceipt goes round while the server refuses it: silent.
func (c *ClassClient) PostReceipt(ctx context.Context, body string) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/receipts", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if !clientRefused(resp.StatusCode) {
			return nil
		}
	}
	return nil
}

// PostReply copies the status but overwrites the copy before testing it:
// the test is not of the status, and the loop is not a status retry.
func (c *ClassClient) PostReply(ctx context.Context, body string, fallback int) error {
	for attempt := 0; attempt < c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/replies", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		code := resp.StatusCode
		code = fallback
		if code/100 == 5 {
			continue
		}
		return nil
	}
	return nil
}

// doGuarded leaves on a network error or any status but 500, testing the
// response for nil first: it goes round on a 500, which can follow a write.
func doGuarded(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	for attempt := 0; attempt < 5; attempt++ {
		if resp != nil {
			resp.Body.Close()
		}
		resp, err = c.Do(req)
		if err != nil || (resp != nil && resp.StatusCode != 500) {
			break
		}
	}
	return resp, err
}

func PostGuarded(c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = doGuarded(c, req) // want `POST request is retried by statusretry\.doGuarded`
	return err
}
