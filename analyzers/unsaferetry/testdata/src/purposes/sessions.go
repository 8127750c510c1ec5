package purposes

import "net/http"

type ScaleSets struct{ client *Client }

// CreateMessageSession opens the scale set's message session: a repeat
// opens a second handle (or is refused, one per client), a check.
func (s *ScaleSets) CreateMessageSession(scaleSet int, owner string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/runnerscalesets/1/sessions", map[string]string{"ownerName": owner})
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: opens a session
	return err
}

// AcquireJobs takes the given job requests for this runner: a repeat
// finds them taken by it, a check.
func (s *ScaleSets) AcquireJobs(scaleSet int, requestIDs []int64) error {
	r, err := s.client.NewRequest(http.MethodPost, "/runnerscalesets/1/acquirejobs", requestIDs)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: acquires existing jobs
	return err
}

// CreateRunner registers a new runner the server names: reported.
func (s *ScaleSets) CreateRunner(scaleSet int, labels []string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/runnerscalesets/1/runners", labels)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}
