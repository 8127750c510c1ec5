package predicates

import (
	"context"
	"net/http"
	"time"
)

// stillIndexing is the status the search index answers for a document it
// has not replicated yet.
const stillIndexing = 404

// notApplied holds for statuses of a request the server answered without
// applying it: not visible yet, a validation failure.
func notApplied(status int) bool {
	switch status {
	case stillIndexing, http.StatusUnprocessableEntity:
		return true
	}
	return false
}

// notAppliedOrGateway also retries a 502, which can follow an executed
// request.
func notAppliedOrGateway(status int) bool {
	return notApplied(status) || status == http.StatusBadGateway
}

// ClientErrorGate goes round only on a 4xx answer: nothing applied is sent
// again.
func ClientErrorGate(ctx context.Context, s sender, body string) (*Response, error) {
	for {
		resp, err := s.writeRequest(ctx, body)
		if err != nil {
			return nil, err
		}
		if !notApplied(resp.StatusCode) {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

// ClientOrGatewayGate goes round on a 502 too.
func ClientOrGatewayGate(ctx context.Context, s sender, body string) (*Response, error) {
	for {
		resp, err := s.writeRequest(ctx, body) // want "retried by a retry loop"
		if err != nil {
			return nil, err
		}
		if !notAppliedOrGateway(resp.StatusCode) {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}
