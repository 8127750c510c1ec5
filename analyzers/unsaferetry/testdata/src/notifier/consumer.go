package notifier

import (
	"bytes"
	"context"
	"errors"
	"net/http"
)

type Delivery struct {
	Body  []byte
	Stall string
}

type meta struct{ pending int }

func parseMeta(d Delivery) (meta, error) {
	if len(d.Body) == 0 {
		return meta{}, errors.New("no metadata")
	}
	return meta{pending: int(d.Body[0])}, nil
}

// Drain handles deliveries until none are pending: each round works on a
// new delivery received from the channel. Skipping one whose metadata does
// not parse is not a retry of anything, and the POST answers a stall once
// per delivery.
func Drain(ctx context.Context, hc *http.Client, url string, deliveries <-chan Delivery) error {
	for {
		select {
		case d := <-deliveries:
			if d.Stall != "" {
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+"/flow", bytes.NewReader(nil))
				if resp, err := hc.Do(req); err == nil {
					resp.Body.Close()
				}
				continue
			}
			m, err := parseMeta(d)
			if err != nil {
				continue
			}
			if m.pending == 0 {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
