package ratelimit

import (
	"bytes"
	"net/http"
	"regexp"
	"time"
)

// A gateway that answers "is busy completing an operation" has not taken
// the request: a loop that goes round only on that text repeats nothing.
var reErrorBusy = regexp.MustCompile(`is busy completing an operation.$`)

var reTimeout = regexp.MustCompile(`(timeout|deadline exceeded)`)

func checkResp(resp *http.Response, err error) (*http.Response, error) { return resp, err }

// ConfigureServices re-posts the gateway's configuration only while the
// gateway says it is busy; every other error returns.
func ConfigureServices(hc *http.Client, url string, body []byte) (*http.Response, error) {
	for {
		req, err := http.NewRequest(http.MethodPost, url+"/action/configureServices", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := checkResp(hc.Do(req))
		if err != nil {
			if reErrorBusy.MatchString(err.Error()) {
				time.Sleep(3 * time.Second)
				continue
			}
			return nil, err
		}
		return resp, nil
	}
}

// PostEvent goes round on a timeout text, which can follow a delivered
// request.
func PostEvent(hc *http.Client, url string, body []byte) (*http.Response, error) {
	for {
		req, err := http.NewRequest(http.MethodPost, url+"/v1/events", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := checkResp(hc.Do(req)) // want `POST /v1/events inside a retry loop`
		if err != nil {
			if reTimeout.MatchString(err.Error()) {
				time.Sleep(time.Second)
				continue
			}
			return nil, err
		}
		return resp, nil
	}
}
