// Package sms sends one-time codes through the SMS gateway.
package sms

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const maxAttempts = 3

// Gateway is the SMS gateway client.
type Gateway struct {
	http    *http.Client
	baseURL string
}

// SendCode sends the code and calls itself again on failure: a recursive
// retry; a message accepted by the gateway but answered late is sent again.
func (g *Gateway) SendCode(ctx context.Context, phone, code string, attempt int) error {
	form := url.Values{"to": {phone}, "text": {"Your code: " + code}}
	resp, err := g.http.PostForm(g.baseURL+"/v1/messages", form) // want `POST /v1/messages inside Gateway\.SendCode, which calls itself again with attempt\+1 after a failure, runs again on every retry`
	if err == nil {
		return resp.Body.Close()
	}
	if attempt >= maxAttempts {
		return err
	}
	time.Sleep(time.Duration(attempt) * time.Second)
	return g.SendCode(ctx, phone, code, attempt+1)
}

// Node is a contact-list tree.
type Node struct {
	Phone    string
	Children []*Node
}

// Notify walks the tree recursively, sending one SMS per node: recursion
// over distinct items, not a retry.
func (g *Gateway) Notify(ctx context.Context, n *Node, text string) error {
	if n == nil {
		return nil
	}
	resp, err := g.http.PostForm(g.baseURL+"/v1/messages", url.Values{"to": {n.Phone}, "text": {text}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	for _, c := range n.Children {
		if err := g.Notify(ctx, c, text); err != nil {
			return err
		}
	}
	return nil
}

// ErrThrottled is the gateway's 429.
var ErrThrottled = errors.New("sms: throttled")

// Status polls a message's delivery status, recursively: reads.
func (g *Gateway) Status(ctx context.Context, id string, attempt int) (string, error) {
	resp, err := g.http.Get(g.baseURL + "/v1/messages/" + id)
	if err != nil {
		if attempt < maxAttempts {
			return g.Status(ctx, id, attempt+1)
		}
		return "", err
	}
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = b.WriteString(resp.Status)
	return b.String(), nil
}
