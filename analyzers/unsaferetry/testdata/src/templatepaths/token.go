package templatepaths

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// newTokenRequest builds a token request for whatever grant its caller
// put in v.
func newTokenRequest(tokenURL string, v url.Values) (*http.Request, error) {
	return http.NewRequest("POST", tokenURL, strings.NewReader(v.Encode()))
}

// tokenRoundTrip re-sends the request on 429 and 5xx.
func tokenRoundTrip(ctx context.Context, req *http.Request) (string, error) {
	for i := 0; i < 3; i++ {
		resp, err := http.DefaultClient.Do(req.WithContext(ctx))
		if err != nil {
			return "", err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			continue
		}
		return "token", nil
	}
	return "", nil
}

// RetrieveToken gets the grant from its caller; the refresh_token it keeps
// says it is the token endpoint's client: asking again issues another
// token and changes nothing else.
func RetrieveToken(ctx context.Context, tokenURL string, v url.Values) (string, error) {
	req, err := newTokenRequest(tokenURL, v)
	if err != nil {
		return "", err
	}
	tok, err := tokenRoundTrip(ctx, req)
	if tok == "" {
		tok = v.Get("refresh_token")
	}
	return tok, err
}

// Deliver posts an event through the same round trip: a write.
func Deliver(ctx context.Context, hookURL string, v url.Values) error {
	req, err := newTokenRequest(hookURL, v)
	if err != nil {
		return err
	}
	_, err = tokenRoundTrip(ctx, req) // want `POST request is retried by templatepaths\.tokenRoundTrip`
	return err
}
