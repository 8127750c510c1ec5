package purposes

import (
	"net/http"
	"strings"
)

// A scheduler's apps are created under the id their caller gives (the
// package's Named method sets it), and a second POST of the same id is
// refused: a check. Its jobs carry an ID field too, but nothing in the
// package lets a caller set it — the server fills it — so a repeat makes a
// second job: reported.

type AppsService struct{ client *Client }

type App struct {
	ID  string `json:"id,omitempty"`
	Cmd string `json:"cmd,omitempty"`
}

// Named sets the app's id, the name it is deployed under.
func (a *App) Named(id string) *App {
	a.ID = "/" + strings.TrimPrefix(id, "/")
	return a
}

func (s *AppsService) CreateApp(app *App) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v2/apps", app)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the id its caller set
	return err
}

type Job struct {
	ID  string `json:"id,omitempty"`
	Cmd string `json:"cmd,omitempty"`
}

func (s *AppsService) CreateJob(job *Job) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v2/jobs", job)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}
