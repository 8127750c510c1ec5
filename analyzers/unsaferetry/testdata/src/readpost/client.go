// Package readpost talks to APIs that take POST for reads: RPC-style
// endpoints named after their operation, OAuth2 token requests, ACME's
// POST-as-GET and GraphQL queries.
package readpost

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

type Client struct {
	base string
	http *http.Client
}

// call POSTs in to base+path, as RPC frameworks (Twirp, Connect) do for
// every operation.
func (c *Client) call(ctx context.Context, path string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// rpc POSTs to the single JSON-RPC endpoint; the operation is in the body.
func (c *Client) rpc(ctx context.Context, method string, params, out any) error {
	return c.call(ctx, "/rpc", map[string]any{"method": method, "params": params}, out)
}

type Order struct{ ID, Status string }

// GetOrder is an RPC read: the path says nothing, the name does.
func (c *Client) GetOrder(ctx context.Context, id string) (*Order, error) {
	var o Order
	err := c.rpc(ctx, "orders.get", map[string]string{"id": id}, &o)
	return &o, err
}

// GetOrCreateCart reads and may create: a write.
func (c *Client) GetOrCreateCart(ctx context.Context, customer string) (string, error) {
	var id string
	err := c.rpc(ctx, "carts.getOrCreate", map[string]string{"customer": customer}, &id)
	return id, err
}

type token struct {
	AccessToken string `json:"access_token"`
}

// Token asks for a client-credentials token: repeating it issues another
// token and changes nothing else.
func (c *Client) requestToken(ctx context.Context, id, secret string) (string, error) {
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}}
	resp, err := c.http.Post(c.base+"/oauth2/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var t token
	err = json.NewDecoder(resp.Body).Decode(&t)
	return t.AccessToken, err
}

// signedPost sends a JWS-signed POST to an ACME server; an empty payload
// is a POST-as-GET.
func (c *Client) signedPost(ctx context.Context, u string, payload []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/jose+json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// postAsGet fetches an ACME resource (RFC 8555 §6.3).
func (c *Client) postAsGet(ctx context.Context, u string, out any) error {
	return c.signedPost(ctx, u, nil, out)
}

// refreshOauth exchanges a refresh token at the realm the registry named
// in its challenge: the path is unknown, the grant_type field says what
// the POST is.
func (c *Client) refreshOauth(realm, refreshToken string) (string, error) {
	v := url.Values{}
	v.Set("grant_type", "refresh_token")
	v.Set("refresh_token", refreshToken)
	v.Set("client_id", "twice-example")
	resp, err := c.http.PostForm(realm, v)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var t token
	err = json.NewDecoder(resp.Body).Decode(&t)
	return t.AccessToken, err
}
