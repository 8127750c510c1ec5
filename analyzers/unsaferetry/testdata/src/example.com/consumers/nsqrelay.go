// Package consumers holds message consumers whose broker delivers a message
// again when its handler fails.
package consumers

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"net/http"

	"github.com/nsqio/go-nsq"
)

// relay forwards every message to an HTTP endpoint. A POST that timed out
// after the endpoint took it returns an error, nsqd redelivers the message,
// and the endpoint gets it twice.
type relay struct {
	client *http.Client
	url    string
}

func (r *relay) HandleMessage(m *nsq.Message) error {
	resp, err := r.client.Post(r.url, "application/json", bytes.NewReader(m.Body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// mirror stores the message under its id with PUT: a redelivery writes the
// same object again.
type mirror struct {
	client *http.Client
	url    string
}

func (s *mirror) HandleMessage(m *nsq.Message) error {
	req, err := http.NewRequest(http.MethodPut, s.url+"/"+string(m.ID[:]), bytes.NewReader(m.Body))
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func StartRelay(c *nsq.Consumer, client *http.Client, url string) {
	c.AddHandler(&relay{client: client, url: url}) // want `relay.HandleMessage \(POST request\) inside go-nsq Consumer.AddHandler`
}

func StartMirror(c *nsq.Consumer, client *http.Client, url string) {
	c.AddConcurrentHandlers(&mirror{client: client, url: url}, 4)
}

// StartAudit inserts a row per message in a literal handler: redelivered
// after a failed commit, the row is inserted twice.
func StartAudit(c *nsq.Consumer, db *sql.DB) {
	c.AddHandler(nsq.HandlerFunc(func(m *nsq.Message) error {
		_, err := db.Exec(`INSERT INTO audit (body) VALUES ($1)`, m.Body) // want `INSERT INTO audit inside go-nsq Consumer.AddHandler`
		return err
	}))
}

// StartDedup inserts under the message's id and ignores a repeat: silent.
func StartDedup(c *nsq.Consumer, db *sql.DB) {
	c.AddHandler(nsq.HandlerFunc(func(m *nsq.Message) error {
		_, err := db.Exec(`INSERT INTO seen (id, body) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, m.ID[:], m.Body)
		return err
	}))
}

// StartCounter hands the consumer a handler it only knows as an interface:
// what runs is unknown, silent.
func StartCounter(c *nsq.Consumer, h nsq.Handler) {
	c.AddHandler(h)
}

var errBadMessage = errors.New("bad message")
