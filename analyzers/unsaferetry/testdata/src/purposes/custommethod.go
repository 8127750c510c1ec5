package purposes

import (
	"fmt"
	"net/http"
)

// Custom methods (AIP-136) POST to a collection or a resource with a verb
// after a colon: the verb says what the request does, not the collection
// before it.
type JobsService struct{ client *Client }

// Call submits a job: the verb says a new one runs each time.
func (s *JobsService) Call(project string, job any) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/projects/%s/jobs:submit", project), job)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

// Call asks for suggestions: a collection's name before the colon does
// not make it a create.
func (s *SuggestionsService) Call(conversation string, q any) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/conversations/%s/suggestions:suggestArticles", conversation), q)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: the verb suggests
	return err
}

type SuggestionsService struct{ client *Client }
