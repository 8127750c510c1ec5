package statusretry

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
)

// An SDK error carries the status under a name of its own (Actual); the
// predicate compares it with net/http's constants. A loop that moves on
// to the next pool only when the server answered 409 (no free address in
// it) never repeats a create the server performed; one that also goes
// round on a 503 does.

type UnexpectedResponseCode struct {
	Expected []int
	Actual   int
	Body     []byte
}

func (e UnexpectedResponseCode) Error() string { return fmt.Sprintf("unexpected %d", e.Actual) }

func retryOnConflict(err error) bool {
	var e UnexpectedResponseCode
	if !errors.As(err, &e) {
		return false
	}
	switch e.Actual {
	case http.StatusConflict:
		return true
	case http.StatusBadRequest, http.StatusNotFound: // the pool is exhausted, or not there yet
		return true
	}
	return false
}

func retryOnConflictOrUnavailable(err error) bool {
	var e UnexpectedResponseCode
	if !errors.As(err, &e) {
		return false
	}
	switch e.Actual {
	case http.StatusConflict, http.StatusServiceUnavailable:
		return true
	}
	return false
}

type Allocator struct {
	hc   *http.Client
	base string
}

func (a *Allocator) create(ctx context.Context, pool string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v2.0/floatingips", bytes.NewReader([]byte(pool)))
	if err != nil {
		return err
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return UnexpectedResponseCode{Expected: []int{http.StatusCreated}, Actual: resp.StatusCode}
	}
	return nil
}

func (a *Allocator) AllocateFromAnyPool(ctx context.Context, pool string) error {
	var err error
	for i := 0; i < 3; i++ {
		err = a.create(ctx, pool)
		if err != nil {
			if retryOnConflict(err) {
				continue
			}
			return err
		}
		break
	}
	return err
}

func (a *Allocator) AllocateThroughOutages(ctx context.Context, pool string) error {
	var err error
	for i := 0; i < 3; i++ {
		err = a.create(ctx, pool) // want `Allocator\.create \(POST /v2\.0/floatingips\) inside a retry loop runs again on every retry`
		if err != nil {
			if retryOnConflictOrUnavailable(err) {
				continue
			}
			return err
		}
		break
	}
	return err
}
