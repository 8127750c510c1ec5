// Package consumer processes order events from Kafka and RabbitMQ and
// calls the fulfilment API for each.
package consumer

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"net/http"

	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/segmentio/kafka-go"
)

// Worker consumes order events.
type Worker struct {
	reader  *kafka.Reader
	http    *http.Client
	baseURL string
	ch      *amqp.Channel
}

// Run is the consumer loop: every iteration handles a new message.
func (w *Worker) Run(ctx context.Context) error {
	for {
		msg, err := w.reader.ReadMessage(ctx)
		if err != nil {
			return err
		}
		resp, err := w.http.Post(w.baseURL+"/v1/shipments", "application/json", bytes.NewReader(msg.Value))
		if err != nil {
			log.Printf("shipment for %s: %v", msg.Key, err)
			continue
		}
		resp.Body.Close()
	}
}

// Drain handles deliveries from a channel: each delivery is different.
func (w *Worker) Drain(ctx context.Context, deliveries <-chan amqp.Delivery) {
	for d := range deliveries {
		resp, err := w.http.Post(w.baseURL+"/v1/shipments", "application/json", bytes.NewReader(d.Body))
		if err != nil {
			_ = d.Nack(false, true)
			continue
		}
		resp.Body.Close()
		_ = d.Ack(false)
	}
}

// Forward republishes to the dead-letter exchange, retrying the publish
// when it fails. Without publisher confirms an AMQP publish fails only
// when its frames were not written, so the broker never got the message:
// retried on that error alone, it is published at most once.
func (w *Worker) Forward(ctx context.Context, body []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		err = w.ch.PublishWithContext(ctx, "dlx", "orders.dead", false, false, amqp.Publishing{ContentType: "application/json", Body: body})
		if err == nil {
			return nil
		}
	}
	return err
}

// ForwardConfirmed waits for the broker's confirm and publishes again when
// it does not come: the broker may hold the first copy.
func (w *Worker) ForwardConfirmed(ctx context.Context, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		dc, err := w.ch.PublishWithDeferredConfirmWithContext(ctx, "dlx", "orders.dead", false, false, amqp.Publishing{ContentType: "application/json", Body: body}) // want `AMQP Channel\.PublishWithDeferredConfirmWithContext inside a retry loop runs again on every retry; the message can be published twice`
		if err == nil && dc.Wait() {
			return nil
		}
	}
	return nil
}

// Pages lists shipments page by page: each request asks another page.
func (w *Worker) Pages(ctx context.Context) ([]json.RawMessage, error) {
	var all []json.RawMessage
	cursor := ""
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.baseURL+"/v1/shipments?cursor="+cursor, nil)
		if err != nil {
			return nil, err
		}
		resp, err := w.http.Do(req)
		if err != nil {
			return nil, err
		}
		var page struct {
			Items []json.RawMessage `json:"items"`
			Next  string            `json:"next"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			return all, nil
		}
		cursor = page.Next
	}
}

// SearchPages posts a search per page (POST used as a read): each request
// carries another cursor.
func (w *Worker) SearchPages(ctx context.Context, query string) (int, error) {
	total, cursor := 0, ""
	for {
		body, _ := json.Marshal(map[string]string{"q": query, "cursor": cursor})
		resp, err := w.http.Post(w.baseURL+"/v1/shipments/search", "application/json", bytes.NewReader(body))
		if err != nil {
			return total, err
		}
		var page struct {
			Count int    `json:"count"`
			Next  string `json:"next"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return total, err
		}
		total += page.Count
		if page.Next == "" {
			return total, nil
		}
		cursor = page.Next
	}
}
