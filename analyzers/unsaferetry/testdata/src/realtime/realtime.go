// Package realtime is a chat client of a common shape: an RPC-style web
// API where every method is a POST to endpoint+method, and a realtime
// session whose websocket URL comes from a connect call, re-opened in a
// loop with backoff whenever it drops.
package realtime

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type Client struct {
	endpoint string
	token    string
	http     *http.Client
}

// postMethod calls one API method.
func (c *Client) postMethod(ctx context.Context, method string, form url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+method, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

type session struct{ URL string }

// ConnectRTM asks for a websocket URL.
func (c *Client) ConnectRTM(ctx context.Context) (string, error) {
	var s session
	err := c.postMethod(ctx, "rtm.connect", url.Values{"token": {c.token}}, &s)
	return s.URL, err
}

// PostMessage posts a message to a channel.
func (c *Client) PostMessage(ctx context.Context, channel, text string) error {
	var out struct{ TS string }
	return c.postMethod(ctx, "chat.postMessage", url.Values{"channel": {channel}, "text": {text}}, &out)
}

type RTM struct{ c *Client }

// startRTMAndDial opens a session: a connect call, then the dial of the
// websocket it names.
func (r *RTM) startRTMAndDial(ctx context.Context) (string, error) {
	u, err := r.c.ConnectRTM(ctx)
	if err != nil {
		return "", err
	}
	return u, nil
}

// connect re-opens the session until it succeeds: silent, a second
// connect only hands out another URL.
func (r *RTM) connect(ctx context.Context) string {
	wait := time.Second
	for {
		u, err := r.startRTMAndDial(ctx)
		if err == nil {
			return u
		}
		time.Sleep(wait)
		wait *= 2
	}
}

// reconnect calls the connect method itself in the loop: silent.
func (r *RTM) reconnect(ctx context.Context) string {
	for {
		u, err := r.c.ConnectRTM(ctx)
		if err == nil {
			return u
		}
		time.Sleep(time.Second)
	}
}

// announce posts until it succeeds: a message posted again is a second
// message.
func (r *RTM) announce(ctx context.Context, channel string) {
	for {
		err := r.c.PostMessage(ctx, channel, "back online") // want `Client\.PostMessage .*inside a retry loop`
		if err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}
