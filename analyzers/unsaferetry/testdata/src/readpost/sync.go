package readpost

import (
	"context"

	"github.com/avast/retry-go/v4"

	"example.com/gql"
)

type Syncer struct {
	api *Client
	gh  *gql.Client
}

func (s *Syncer) Orders(ctx context.Context, id string) error {
	var out []Order
	return retry.Do(func() error {
		if err := s.api.call(ctx, "/twirp/shop.v1.Orders/ListOrders", nil, &out); err != nil {
			return err
		}
		if err := s.api.call(ctx, "/v1/orders:search", nil, &out); err != nil {
			return err
		}
		if err := s.api.call(ctx, "/api/find-orders", nil, &out); err != nil {
			return err
		}
		// A yes/no question about the order changes nothing.
		if err := s.api.call(ctx, "/v1/orders/"+id+"/HasOpenDisputes", nil, &out); err != nil {
			return err
		}
		_, err := s.api.GetOrder(ctx, id)
		return err
	})
}

// Evaluations and inference store nothing: asking again answers again.
func (s *Syncer) Evaluate(ctx context.Context, flag string) error {
	var out map[string]any
	return retry.Do(func() error {
		if err := s.api.call(ctx, "/v1/flags/"+flag+"/evaluate", nil, &out); err != nil {
			return err
		}
		if err := s.api.call(ctx, "/v1/relations/expand", nil, &out); err != nil {
			return err
		}
		return s.api.call(ctx, "/v1/embeddings", nil, &out)
	})
}

// The collection itself is a create.
func (s *Syncer) NewFlag(ctx context.Context, flag string) error {
	return retry.Do(func() error {
		return s.api.call(ctx, "/v1/flags", flag, nil) // want `Client\.call \(POST /v1/flags\) inside retry\.Do`
	})
}

func (s *Syncer) Place(ctx context.Context, o Order) error {
	return retry.Do(func() error {
		return s.api.call(ctx, "/twirp/shop.v1.Orders/CreateOrder", o, nil) // want `Client\.call \(POST /twirp/shop\.v1\.Orders/CreateOrder\) inside retry\.Do`
	})
}

func (s *Syncer) Cart(ctx context.Context, customer string) error {
	return retry.Do(func() error {
		_, err := s.api.GetOrCreateCart(ctx, customer) // want `Client\.GetOrCreateCart \(POST /rpc\) inside retry\.Do`
		return err
	})
}

func (s *Syncer) Modify(ctx context.Context) error {
	return retry.Do(func() error {
		return s.api.call(ctx, "/api/find-and-modify", nil, nil) // want `Client\.call \(POST /api/find-and-modify\) inside retry\.Do`
	})
}

func (s *Syncer) Token(ctx context.Context) (string, error) {
	var tok string
	err := retry.Do(func() error {
		var err error
		tok, err = s.api.requestToken(ctx, "svc", "secret")
		return err
	})
	return tok, err
}

func (s *Syncer) Authorization(ctx context.Context, authzURL string) error {
	var authz map[string]any
	return retry.Do(func() error { return s.api.postAsGet(ctx, authzURL, &authz) })
}

func (s *Syncer) NewOrder(ctx context.Context, newOrderURL string, csr []byte) error {
	return retry.Do(func() error {
		return s.api.signedPost(ctx, newOrderURL, csr, nil) // want `Client\.signedPost \(POST request\) inside retry\.Do`
	})
}

func (s *Syncer) Viewer(ctx context.Context) error {
	var out struct{ Viewer struct{ Login string } }
	req := gql.NewRequest(`query Viewer { viewer { login } }`)
	return retry.Do(func() error { return s.gh.Run(ctx, req, &out) })
}

func (s *Syncer) Shorthand(ctx context.Context) error {
	var out map[string]any
	return retry.Do(func() error { return s.gh.Run(ctx, gql.NewRequest(`{ repository(name: "twice") { stars } }`), &out) })
}

func (s *Syncer) Star(ctx context.Context, id string) error {
	req := gql.NewRequest(`mutation AddStar($id: ID!) { addStar(input: {starrableId: $id}) { clientMutationId } }`)
	req.Var("id", id)
	return retry.Do(func() error {
		return s.gh.Run(ctx, req, nil) // want `Client\.Run \(POST request\) inside retry\.Do`
	})
}

func (s *Syncer) Refresh(realm, refresh string) (string, error) {
	var tok string
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if tok, err = s.api.refreshOauth(realm, refresh); err == nil {
			return tok, nil
		}
	}
	return "", err
}
