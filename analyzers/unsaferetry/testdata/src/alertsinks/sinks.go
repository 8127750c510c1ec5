package alertsinks

import (
	"context"
	"crypto/sha1"
	"fmt"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type Event struct {
	UID, Name, Message, Severity string
}

// Matrix sends with the client's transaction id in the path, as a PUT: a
// repeat of the same transaction is answered with the first event.
type Matrix struct{ URL, Room, Token string }

func (m *Matrix) Post(ctx context.Context, e Event) error {
	txnID := fmt.Sprintf("%x", sha1.Sum([]byte(e.UID+e.Message)))
	url := fmt.Sprintf("%s/_matrix/client/r0/rooms/%s/send/m.room.message/%s", m.URL, m.Room, txnID)
	return postMessage(ctx, url, map[string]string{"body": e.Message}, func(r *retryablehttp.Request) {
		r.Method = http.MethodPut
		r.Header.Add("Authorization", "Bearer "+m.Token)
	})
}

// asPut is an option held in a variable: the same PUT.
func (m *Matrix) PostNotice(ctx context.Context, e Event) error {
	asPut := func(r *retryablehttp.Request) { r.Method = "PUT" }
	url := fmt.Sprintf("%s/_matrix/client/r0/rooms/%s/send/m.notice/%s", m.URL, m.Room, e.UID)
	return postMessage(ctx, url, map[string]string{"body": e.Message}, asPut)
}

// Rocket adds a token header and keeps the POST: a lost reply posts the
// message again.
type Rocket struct{ URL, Token string }

func (r *Rocket) Post(ctx context.Context, e Event) error {
	return postMessage(ctx, r.URL+"/api/v1/chat.postMessage", map[string]string{"text": e.Message}, func(req *retryablehttp.Request) { // want `POST /api/v1/chat.postMessage is retried by alertsinks.postMessage`
		req.Header.Set("X-Auth-Token", r.Token)
	})
}

// PagerDuty: trigger and resolve events carry a dedup key, the involved
// object's id; PagerDuty merges events with the same key into one alert.
// Change events have no key and are recorded once per request.
type PagerDuty struct{ Endpoint, RoutingKey string }

type v2Event struct {
	RoutingKey string `json:"routing_key"`
	Action     string `json:"event_action"`
	DedupKey   string `json:"dedup_key"`
	Summary    string `json:"summary"`
}

type changeEvent struct {
	RoutingKey string `json:"routing_key"`
	Summary    string `json:"summary"`
}

func toV2Event(e Event, routingKey string) v2Event {
	action := "resolve"
	if e.Severity == "error" {
		action = "trigger"
	}
	return v2Event{RoutingKey: routingKey, Action: action, DedupKey: e.UID, Summary: e.Message}
}

func (p *PagerDuty) Post(ctx context.Context, e Event) error {
	ev := toV2Event(e, p.RoutingKey)
	if err := postMessage(ctx, p.Endpoint+"/v2/enqueue", ev); err != nil {
		return fmt.Errorf("sending event: %w", err)
	}
	if e.Severity == "info" {
		ce := changeEvent{RoutingKey: p.RoutingKey, Summary: e.Message}
		if err := postMessage(ctx, p.Endpoint+"/v2/change/enqueue", ce); err != nil { // want `POST /v2/change/enqueue is retried by alertsinks.postMessage`
			return fmt.Errorf("sending change event: %w", err)
		}
	}
	return nil
}

// Forward posts to a webhook address the user configured: the path is not
// known here, so the finding stays at postMessage.
func Forward(ctx context.Context, webhook string, e Event) error {
	return postMessage(ctx, webhook, e)
}
