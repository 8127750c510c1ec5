// Command gensvc writes a synthetic Go module shaped like a service codebase,
// for benchmarking twice against its floor on more than toy input.
//
// Each of the -services services has five packages (model, client, store,
// service, handler): an HTTP client with a base URL and a request helper, a
// SQL repository with query constants, a service layer that retries through
// a shared retry helper and through hand-written loops, and HTTP handlers.
// Services call their neighbour's client, so facts cross packages. Only the
// standard library is imported, so the module builds offline.
//
//	go -C bench run ./gensvc -o /tmp/gensvc -services 40   # 40*5 + 2 = 202 packages
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

const modulePath = "example.com/gensvc"

func main() {
	out := flag.String("o", "", "directory to write the module into (created; must not exist or be empty)")
	services := flag.Int("services", 40, "number of services (5 packages each)")
	flag.Parse()
	if *out == "" || *services < 2 {
		fmt.Fprintln(os.Stderr, "usage: gensvc -o DIR [-services N>=2]")
		os.Exit(2)
	}
	if err := generate(*out, *services); err != nil {
		fmt.Fprintln(os.Stderr, "gensvc:", err)
		os.Exit(1)
	}
}

type serviceData struct {
	Module   string
	Name     string // s07
	Entity   string // Order07
	Table    string // orders_07
	Neighbor string // s08
	NeighEnt string // Order08
}

func generate(dir string, n int) error {
	files := map[string]string{
		"go.mod":                      "module " + modulePath + "\n\ngo 1.22\n",
		"internal/retryutil/retry.go": retryutilSrc,
		"internal/httpx/httpx.go":     httpxSrc,
	}
	for i := 0; i < n; i++ {
		d := serviceData{
			Module:   modulePath,
			Name:     fmt.Sprintf("s%02d", i),
			Entity:   fmt.Sprintf("Order%02d", i),
			Table:    fmt.Sprintf("orders_%02d", i),
			Neighbor: fmt.Sprintf("s%02d", (i+1)%n),
			NeighEnt: fmt.Sprintf("Order%02d", (i+1)%n),
		}
		for pkg, tmpl := range serviceTemplates {
			src, err := render(tmpl, d)
			if err != nil {
				return fmt.Errorf("render %s/%s: %w", d.Name, pkg, err)
			}
			files[filepath.Join("services", d.Name, pkg, pkg+".go")] = src
		}
	}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func render(tmpl string, d serviceData) (string, error) {
	t, err := template.New("").Parse(tmpl)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		return "", err
	}
	return b.String(), nil
}

const retryutilSrc = `// Package retryutil is the company's retry helper.
package retryutil

import (
	"context"
	"time"
)

// Do calls op until it succeeds, ctx ends or attempts run out.
func Do(ctx context.Context, attempts int, op func(context.Context) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i+1) * 100 * time.Millisecond):
		}
	}
	return err
}
`

const httpxSrc = `// Package httpx holds request helpers shared by the service clients.
package httpx

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Client sends JSON requests to one base URL.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// Do sends a JSON request and decodes a JSON response into out.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	var body bytes.Buffer
	if in != nil {
		if err := json.NewEncoder(&body).Encode(in); err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, &body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
`

var serviceTemplates = map[string]string{
	"model": `// Package model holds the {{.Name}} domain types.
package model

import "time"

// {{.Entity}} is one order of service {{.Name}}.
type {{.Entity}} struct {
	ID        string    ` + "`json:\"id\"`" + `
	Customer  string    ` + "`json:\"customer\"`" + `
	AmountCt  int64     ` + "`json:\"amount_ct\"`" + `
	CreatedAt time.Time ` + "`json:\"created_at\"`" + `
}

// Validate reports whether the order can be stored.
func (o *{{.Entity}}) Validate() bool { return o.Customer != "" && o.AmountCt > 0 }
`,
	"client": `// Package client talks to the {{.Name}} HTTP API.
package client

import (
	"context"
	"net/http"

	"{{.Module}}/internal/httpx"
	"{{.Module}}/services/{{.Name}}/model"
)

const ordersPath = "/v1/{{.Name}}/orders"

// Client is the {{.Name}} API client.
type Client struct{ api httpx.Client }

// New returns a client for baseURL.
func New(baseURL string) *Client {
	return &Client{api: httpx.Client{BaseURL: baseURL, HTTP: http.DefaultClient}}
}

// Create{{.Entity}} creates an order.
func (c *Client) Create{{.Entity}}(ctx context.Context, o *model.{{.Entity}}) error {
	return c.api.Do(ctx, http.MethodPost, ordersPath, o, o)
}

// Get{{.Entity}} fetches an order.
func (c *Client) Get{{.Entity}}(ctx context.Context, id string) (*model.{{.Entity}}, error) {
	var o model.{{.Entity}}
	err := c.api.Do(ctx, http.MethodGet, ordersPath+"/"+id, nil, &o)
	return &o, err
}

// Replace{{.Entity}} overwrites an order.
func (c *Client) Replace{{.Entity}}(ctx context.Context, o *model.{{.Entity}}) error {
	return c.api.Do(ctx, http.MethodPut, ordersPath+"/"+o.ID, o, nil)
}
`,
	"store": `// Package store persists {{.Name}} orders.
package store

import (
	"context"
	"database/sql"

	"{{.Module}}/services/{{.Name}}/model"
)

const (
	insertOrder  = "INSERT INTO {{.Table}} (id, customer, amount_ct) VALUES ($1, $2, $3)"
	upsertOrder  = "INSERT INTO {{.Table}} (id, customer, amount_ct) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING"
	bumpCounter  = "UPDATE {{.Table}}_stats SET orders = orders + 1 WHERE customer = $1"
	setAmount    = "UPDATE {{.Table}} SET amount_ct = $2 WHERE id = $1"
	selectByID   = "SELECT id, customer, amount_ct FROM {{.Table}} WHERE id = $1"
)

// Store is the {{.Name}} repository.
type Store struct{ db *sql.DB }

// New wraps db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Insert stores a new order.
func (s *Store) Insert(ctx context.Context, o *model.{{.Entity}}) error {
	_, err := s.db.ExecContext(ctx, insertOrder, o.ID, o.Customer, o.AmountCt)
	return err
}

// Save stores an order once.
func (s *Store) Save(ctx context.Context, o *model.{{.Entity}}) error {
	_, err := s.db.ExecContext(ctx, upsertOrder, o.ID, o.Customer, o.AmountCt)
	return err
}

// CountOrder bumps the customer's order counter.
func (s *Store) CountOrder(ctx context.Context, customer string) error {
	_, err := s.db.ExecContext(ctx, bumpCounter, customer)
	return err
}

// SetAmount overwrites an order's amount.
func (s *Store) SetAmount(ctx context.Context, id string, amount int64) error {
	_, err := s.db.ExecContext(ctx, setAmount, id, amount)
	return err
}

// Get loads an order.
func (s *Store) Get(ctx context.Context, id string) (*model.{{.Entity}}, error) {
	var o model.{{.Entity}}
	err := s.db.QueryRowContext(ctx, selectByID, id).Scan(&o.ID, &o.Customer, &o.AmountCt)
	return &o, err
}
`,
	"service": `// Package service is the {{.Name}} business logic.
package service

import (
	"context"
	"errors"
	"time"

	"{{.Module}}/internal/retryutil"
	neighbor "{{.Module}}/services/{{.Neighbor}}/client"
	"{{.Module}}/services/{{.Name}}/client"
	"{{.Module}}/services/{{.Name}}/model"
	"{{.Module}}/services/{{.Name}}/store"
)

// Service places orders.
type Service struct {
	api      *client.Client
	neighbor *neighbor.Client
	store    *store.Store
}

// New wires a service.
func New(api *client.Client, n *neighbor.Client, s *store.Store) *Service {
	return &Service{api: api, neighbor: n, store: s}
}

// Place stores and forwards an order.
func (s *Service) Place(ctx context.Context, o *model.{{.Entity}}) error {
	if !o.Validate() {
		return errors.New("invalid order")
	}
	if err := retryutil.Do(ctx, 3, func(ctx context.Context) error {
		return s.store.Save(ctx, o)
	}); err != nil {
		return err
	}
	return retryutil.Do(ctx, 3, func(ctx context.Context) error {
		return s.api.Create{{.Entity}}(ctx, o)
	})
}

// Refresh re-reads an order, retrying transient failures.
func (s *Service) Refresh(ctx context.Context, id string) (*model.{{.Entity}}, error) {
	var out *model.{{.Entity}}
	err := retryutil.Do(ctx, 5, func(ctx context.Context) error {
		o, err := s.api.Get{{.Entity}}(ctx, id)
		out = o
		return err
	})
	return out, err
}

// Count bumps the counter with a hand-written retry loop.
func (s *Service) Count(ctx context.Context, customer string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.store.CountOrder(ctx, customer); err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// Forward hands every order to the neighbouring service once.
func (s *Service) Forward(ctx context.Context, ids []string) error {
	for _, id := range ids {
		if _, err := s.neighbor.Get{{.NeighEnt}}(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
`,
	"handler": `// Package handler exposes the {{.Name}} HTTP endpoints.
package handler

import (
	"encoding/json"
	"net/http"

	"{{.Module}}/services/{{.Name}}/model"
	"{{.Module}}/services/{{.Name}}/service"
)

// Handler serves orders.
type Handler struct{ svc *service.Service }

// New wraps svc.
func New(svc *service.Service) *Handler { return &Handler{svc: svc} }

// ServeHTTP places an order from a JSON body.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var o model.{{.Entity}}
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := h.svc.Place(r.Context(), &o); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(&o)
}
`,
}
