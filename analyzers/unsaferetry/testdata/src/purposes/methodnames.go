package purposes

import "net/http"

// An object-storage SDK names its methods by HTTP method and subresource:
// PostRestore is POST /{key}?restore, which restores an archived object
// (a repeat finds it restored or in progress: a check), not a send.
// PostEvents still sends events: its path says so.

type ObjectService struct{ client *Client }

func (s *ObjectService) PostRestore(key string, days int) error {
	r, err := s.client.NewRequest(http.MethodPost, "/"+key+"?restore", map[string]int{"days": days})
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: restores an archived object
	return err
}

func (s *ObjectService) PostEvents(events []string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/events", events)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // want `POST /v1/events is retried by Client.Do`
	return err
}
