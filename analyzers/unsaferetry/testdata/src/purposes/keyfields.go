package purposes

import "net/http"

// A generated usage API documents a field of its events as the server's
// idempotency key, and requires it: a retried ingest carries the same keys
// and the server ignores the repeat (a check). A key the caller may leave
// out protects nothing, so the other send stays a finding.

// Field wraps a request field as a generated SDK does (set or not).
type Field[T any] struct{ Value T }

type UsageEvent struct {
	// Event Id acts as an idempotency key. Any subsequent requests with the same
	// event_id will be ignored
	EventID Field[string] `json:"event_id" api:"required"`
	// Name of the event
	EventName Field[string] `json:"event_name" api:"required"`
}

type UsageIngestParams struct {
	Events Field[[]UsageEvent] `json:"events" api:"required"`
}

type MeterEvent struct {
	// An idempotency key: events with the same key are deduplicated.
	Key   Field[string] `json:"key"`
	Value Field[int]    `json:"value" api:"required"`
}

type UsageService struct{ client *Client }

func (s *UsageService) Ingest(body UsageIngestParams) error {
	r, err := s.client.NewRequest(http.MethodPost, "/events/ingest", body)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: every event carries its required key
	return err
}

func (s *UsageService) Record(body MeterEvent) error {
	r, err := s.client.NewRequest(http.MethodPost, "/meter_events", body)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // want `POST /meter_events is retried by Client.Do`
	return err
}
