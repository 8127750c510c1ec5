// Package purposes is an SDK of a common shape: every request goes
// through Client.Do, which re-sends it after a transport error or a 5xx,
// whatever its method. What a repeat does depends on what the request is
// for. By default twice reports the requests whose repeat the code shows
// adds something: events a sender ingests, a hook delivered, a payment.
// A create read from a path or a name (an annotation, an order the server
// names) is the API's to deduplicate or not; a create under a name or key
// the caller chose (a dataset, a user by e-mail, a branch), an action on
// existing state (trim, merge, regenerate) and an update may be refused
// or harmless when repeated: they are reported only at -confidence=low,
// as checks (the lines marked "check:" below).
package purposes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type Client struct {
	baseURL *url.URL
	http    *http.Client
}

// NewRequest builds a request for a path relative to the base URL.
func (c *Client) NewRequest(method, path string, body any) (*http.Request, error) {
	u := *c.baseURL
	u.Path = c.baseURL.Path + path
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, u.String(), bytes.NewReader(b))
}

// Do re-sends any request after a transport error or while the server
// answers 5xx.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.http.Do(req)
		if err == nil && resp.StatusCode < 500 || attempt == 3 {
			return resp, err
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
}

// send builds and sends one request.
func (c *Client) send(method, path string, body any) error {
	req, err := c.NewRequest(method, path, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type DatasetsService struct{ client *Client }

type DatasetCreateRequest struct {
	Name        string
	Description string
}

// Create files the dataset under the caller's name: a second create with
// that name is refused by most APIs.
func (s *DatasetsService) Create(req DatasetCreateRequest) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/datasets", req)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the caller's Name
	return err
}

// Ingest appends events: a repeat stores them twice.
func (s *DatasetsService) Ingest(id string, events []map[string]any) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/datasets/%s/ingest", id), events)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // want `POST /v1/datasets/\{…\}/ingest is retried by Client\.Do`
	return err
}

// Trim drops old events: a repeat leaves the same state.
func (s *DatasetsService) Trim(id string, maxAge string) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/datasets/%s/trim", id), maxAge)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: an action on the dataset
	return err
}

// CreateField adds a field under the name its caller gives.
func (s *DatasetsService) CreateField(dataset, fieldName string) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/datasets/%s/fields", dataset), fieldName)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the caller's fieldName
	return err
}

// Update sets a description.
func (s *DatasetsService) Update(id, description string) error {
	r, err := s.client.NewRequest(http.MethodPatch, fmt.Sprintf("/v1/datasets/%s", id), description)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // silent at every level: an update of one field
	return err
}

type AnnotationsService struct{ client *Client }

type AnnotationCreateRequest struct {
	Title    string
	Text     string
	Datasets []string
}

// Create makes an annotation the server names: a repeat makes a second.
func (s *AnnotationsService) Create(req *AnnotationCreateRequest) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/annotations", req)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

type UsersService struct{ client *Client }

type CreateUserRequest struct {
	Email string
	Role  string
}

// Create invites a user by e-mail: one user per e-mail.
func (s *UsersService) Create(req CreateUserRequest) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/users", req)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the caller's Email
	return err
}

type BranchesService struct{ client *Client }

// Create makes a branch named by branchID.
func (s *BranchesService) Create(project, branchID, startPoint string) error {
	body := struct{ Name, StartPoint string }{branchID, startPoint}
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/projects/%s/branches", project), body)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the caller's branchID
	return err
}

type ContentsService struct{ client *Client }

type FileOptions struct {
	Content string
	Message string
}

// CreateFile writes a file at a path of the caller's: the request path
// addresses it, and a second create at that path is refused.
func (s *ContentsService) CreateFile(repo, filePath string, opts FileOptions) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/repos/%s/contents/%s", repo, filePath), opts)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created at the address in its path
	return err
}

// CreateComment posts to the comments collection: each one is new.
func (s *ContentsService) CreateComment(repo string, issue int, opts FileOptions) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/repos/%s/issues/%d/comments", repo, issue), opts)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

type PullsService struct{ client *Client }

type NewPull struct {
	Title string
	Head  string
	Base  string
}

// Create opens a pull request: one open per head and base branch, a
// second is refused.
func (s *PullsService) Create(repo string, pull *NewPull) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/repos/%s/pulls", repo), pull)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: keyed by its Head and Base
	return err
}

type AuthService struct{ client *Client }

// newHTTPRequest builds and sends whatever its caller asks for: its
// "new" makes a request value, so its name says nothing and the path
// decides.
func (s *AuthService) newHTTPRequest(method, path string, body any) error {
	r, err := s.client.NewRequest(method, path, body)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r)
	return err
}

// RequestToken asks for a token: a repeat issues another one.
func (s *AuthService) RequestToken(key string) error {
	return s.newHTTPRequest(http.MethodPost, "/keys/"+key+"/requestToken", nil) // check: a token request, judged by its path
}

type TokensService struct{ client *Client }

// Regenerate rotates a token.
func (s *TokensService) Regenerate(id string) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/tokens/%s/regenerate", id), nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: an action on the token
	return err
}

type PullRequestsService struct{ client *Client }

// Merge merges the pull request at the version the caller read.
func (s *PullRequestsService) Merge(id, version int) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/v1/pulls/%d/merge?version=%d", id, version), nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: an action on the pull request
	return err
}

// HookSender delivers webhooks; its method's name says nothing, its type
// says it sends.
type HookSender struct{ client *Client }

func (h *HookSender) attempt(payload []byte) error {
	r, err := h.client.NewRequest(http.MethodPost, "/hooks", payload)
	if err != nil {
		return err
	}
	_, err = h.client.Do(r) // want `POST /hooks is retried by Client\.Do`
	return err
}

// Worker places orders from a loop whose name says nothing: the path
// says the POST creates in a collection.
type Worker struct{ client *Client }

func (w *Worker) run(items []string) error {
	for _, item := range items {
		r, err := w.client.NewRequest(http.MethodPost, "/v1/orders", item)
		if err != nil {
			return err
		}
		if _, err := w.client.Do(r); err != nil { // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
			return err
		}
	}
	return nil
}

// Rekey posts to a path that names no collection and no stream.
func (w *Worker) Rekey(vault string) error {
	return w.client.send(http.MethodPost, "/v1/"+vault+"/rekey", nil) // check: its names and path do not say
}

// Transport delivers error reports. Its doSend is given what to send and
// re-sends it on failure: a send, although its name is generic.
type Transport struct{ client *Client }

func (t *Transport) doSend(body []byte) error {
	r, err := t.client.NewRequest(http.MethodPost, "", body)
	if err != nil {
		return err
	}
	_, err = t.client.Do(r) // want `POST request is retried by Client\.Do`
	return err
}

// doPostAPI is given the path: a generic poster, judged by nothing its
// name says.
func (t *Transport) doPostAPI(path string, body []byte) error {
	r, err := t.client.NewRequest(http.MethodPost, path, body)
	if err != nil {
		return err
	}
	_, err = t.client.Do(r) // check: its names and path do not say
	return err
}
