package defaultmethod

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Store's request helper retries itself and upper-cases the method it is
// given: the caller's method still decides.
type Store struct {
	HC   *http.Client
	Base string
}

func (s Store) do(ctx context.Context, method, path string) (resp *http.Response, err error) {
	method = strings.ToUpper(method)
	for i := 0; i < 3; i++ {
		req, rerr := http.NewRequestWithContext(ctx, method, s.Base+path, nil)
		if rerr != nil {
			return nil, rerr
		}
		resp, err = s.HC.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return resp, err
}

// InitiateUpload starts a multipart upload: each repeat starts another.
func (s Store) InitiateUpload(ctx context.Context) error {
	resp, err := s.do(ctx, "post", "/uploads") // want `POST /uploads is retried by Store\.do`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Head reads: silent.
func (s Store) Head(ctx context.Context) error {
	resp, err := s.do(ctx, http.MethodHead, "/uploads")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
