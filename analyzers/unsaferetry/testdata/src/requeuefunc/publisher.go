// Package requeuefunc publishes events to webhooks from a worker; a
// failed request is put back on the worker's channel by the function that
// sent it, later and with its retries counted down.
package requeuefunc

import (
	"bytes"
	"net/http"
	"time"
)

type request struct {
	target  string
	body    string
	retries int
	delay   time.Duration
}

type Publisher struct {
	base     string
	requests chan *request
	audits   chan *request
	dead     chan *request
}

func NewPublisher(base string) *Publisher {
	p := &Publisher{base: base, requests: make(chan *request, 32), audits: make(chan *request, 32), dead: make(chan *request, 32)}
	go p.svc()
	go p.audit()
	return p
}

// Publish queues an event for its target.
func (p *Publisher) Publish(target, body string) {
	p.requests <- &request{target: target, body: body, retries: 10, delay: 500 * time.Millisecond}
}

func (p *Publisher) svc() {
	for {
		r := <-p.requests
		p.send(r)
	}
}

// send posts the event; after a transport error (a timeout can follow a
// delivered event) it is sent again.
func (p *Publisher) send(r *request) {
	req, err := http.NewRequest(http.MethodPost, p.base+"/"+r.target, bytes.NewBufferString(r.body))
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req) // want `POST request inside a requeue that puts the failed batch back into its buffer \(channel field requests\)`
	if err == nil {
		resp.Body.Close()
		return
	}
	r.retries--
	if r.retries > 0 {
		r.delay *= 2
		time.AfterFunc(r.delay, func() {
			p.requests <- r
		})
	}
}

func (p *Publisher) audit() {
	for r := range p.audits {
		p.record(r)
	}
}

// record posts to an audit log and hands a failed one to the dead-letter
// channel, which nothing sends on again: silent.
func (p *Publisher) record(r *request) {
	req, _ := http.NewRequest(http.MethodPost, p.base+"/audit", bytes.NewBufferString(r.body))
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		return
	}
	r.retries--
	p.dead <- r
}

// forward puts the request back on the audit channel without counting:
// no counter, no retry scope.
func (p *Publisher) forward(r *request) {
	req, _ := http.NewRequest(http.MethodPost, p.base+"/forward", bytes.NewBufferString(r.body))
	if _, err := http.DefaultClient.Do(req); err != nil {
		p.audits <- r
	}
}

// relay counts and puts the request back on the audit channel, whose
// worker hands it to record, not to relay: not a retry of relay's POST.
func (p *Publisher) relay(r *request) {
	req, _ := http.NewRequest(http.MethodPost, p.base+"/relay", bytes.NewBufferString(r.body))
	if _, err := http.DefaultClient.Do(req); err != nil {
		r.retries--
		p.audits <- r
	}
}
