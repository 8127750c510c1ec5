// Package specialize asks a function pod to load its code, retrying the
// POST through a predicate of another package: only when the connection
// could not be made (silent), or also after a timeout (reported).
package specialize

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"example.com/neterr"
)

func Specialize(ctx context.Context, hc *http.Client, url string, body []byte) error {
	var err error
	for i := 0; i < 5; i++ {
		var resp *http.Response
		resp, err = hc.Post(url+"/specialize", "application/json", bytes.NewReader(body))
		if err == nil {
			return resp.Body.Close()
		}
		if netErr := neterr.Adapter(err); netErr != nil && netErr.IsDialError() {
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			continue
		}
		return err
	}
	return err
}

func Upload(ctx context.Context, hc *http.Client, url string, body []byte) error {
	var err error
	for i := 0; i < 5; i++ {
		var resp *http.Response
		resp, err = hc.Post(url+"/uploads", "application/json", bytes.NewReader(body)) // want `POST /uploads .*inside a retry loop`
		if err == nil {
			return resp.Body.Close()
		}
		if netErr := neterr.Adapter(err); netErr != nil && netErr.IsTimeout() {
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			continue
		}
		return err
	}
	return err
}
