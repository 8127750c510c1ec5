// Package webhook registers senders with package notification, whose
// manager retries them: a sender that posts the event is reported at its
// Send; one that PUTs the event's state under its id, or only logs, is
// not.
package webhook

import (
	"bytes"
	"encoding/json"
	"log"
	"net/http"

	"example.com/notifyhub/notification"
)

type sender struct {
	endpoint string
	client   *http.Client
}

func init() {
	notification.RegisterSender("webhook", &sender{endpoint: "https://hooks.example.com/events", client: http.DefaultClient})
}

func (s *sender) Send(event notification.Event) error { // want `sender.Send \(POST request\) inside a retry loop in notification.Manager.Send, which calls it through notification.Sender \(notification.go:\d+\), runs again on every retry`
	body, err := json.Marshal(event)
	if err != nil {
		return err
	}
	resp, err := s.client.Post(s.endpoint, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// stateSender PUTs the event under its id: a repeat writes the same state.
type stateSender struct {
	base   string
	client *http.Client
}

func (s stateSender) Send(event notification.Event) error {
	body, _ := json.Marshal(event)
	req, err := http.NewRequest(http.MethodPut, s.base+"/events/"+event.ID, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// logSender only logs.
type logSender struct{}

func (logSender) Send(event notification.Event) error {
	log.Printf("event %s: %s", event.Name, event.Message)
	return nil
}

// pinger posts, but the manager retries it only while the service is busy.
type pinger struct{ client *http.Client }

func (p pinger) Post(event notification.Event) error {
	resp, err := p.client.Post("https://status.example.com/ping", "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Notify is not an implementation of an interface retried elsewhere: a
// plain POST sent once.
func Notify(client *http.Client, event notification.Event) error {
	resp, err := client.Post("https://hooks.example.com/once", "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
