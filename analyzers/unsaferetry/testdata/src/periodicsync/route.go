// Package periodicsync is a metrics relay route: it uploads its storage
// schemas to the backend every six hours, and its posts retry until they
// go through. The schemas are fixed when the route is made, so each
// upload is the same request the next period sends anyway.
package periodicsync

import (
	"bytes"
	"net/http"
	"strings"
	"time"
)

type Route struct {
	client  *http.Client
	addr    string
	schemas string
	pending []byte
}

func NewRoute(addr, schemas string) *Route {
	r := &Route{client: &http.Client{}, addr: addr, schemas: schemas}
	go r.updateSchemas()
	go r.flushLoop()
	go r.touchLoop()
	return r
}

func (r *Route) updateSchemas() {
	for range time.Tick(6 * time.Hour) {
		r.postSchemas()
	}
}

// postSchemas retries the upload of the fixed schemas: silent.
func (r *Route) postSchemas() {
	for {
		req, err := http.NewRequest("POST", r.addr+"/schemas", strings.NewReader(r.schemas))
		if err != nil {
			panic(err)
		}
		resp, err := r.client.Do(req)
		if err != nil {
			time.Sleep(time.Minute)
			continue
		}
		resp.Body.Close()
		return
	}
}

func (r *Route) add(b []byte) { r.pending = append(r.pending, b...) }

func (r *Route) flushLoop() {
	t := time.NewTicker(time.Second)
	for range t.C {
		r.flush()
	}
}

// flush retries the post of the points gathered since the last tick: new
// data each period, sent twice when a post's answer is lost.
func (r *Route) flush() {
	for {
		req, err := http.NewRequest("POST", r.addr+"/metrics", bytes.NewReader(r.pending))
		if err != nil {
			return
		}
		resp, err := r.client.Do(req) // want `POST /metrics inside a retry loop runs again on every retry`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		resp.Body.Close()
		r.pending = r.pending[:0]
		return
	}
}

// touchLoop pings on a timer through a method whose receiver has no name.
func (r *Route) touchLoop() {
	for range time.Tick(time.Minute) {
		r.touch()
	}
}

// touch has no receiver fields to read: judged as any retried POST.
func (*Route) touch() {
	for i := 0; i < 3; i++ {
		req, err := http.NewRequest("POST", "https://relay.example.com/touch", strings.NewReader("{}"))
		if err != nil {
			return
		}
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `POST /touch inside a retry loop runs again on every retry`
			resp.Body.Close()
			return
		}
	}
}
