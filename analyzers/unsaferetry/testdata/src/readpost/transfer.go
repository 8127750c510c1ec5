package readpost

import (
	"bytes"
	"net/http"
	"time"
)

// A repository manager's client re-sends every POST on a 5xx or a
// network error. Its callers ask it to filter paths, to report the
// status of an import (with a query string glued to the operation), to
// reload plugins and to upload a chunk: only the upload adds something.

type ArtClient struct{ http *http.Client }

// SendPost posts body to url, trying again on errors and 5xx answers.
func (c *ArtClient) SendPost(url string, body []byte) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.http.Post(url, "application/json", bytes.NewReader(body)) // want `POST request inside a retry loop.*check: its names and path do not say`
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if err == nil {
			resp.Body.Close()
		}
		lastErr = err
		time.Sleep(time.Second)
	}
	return nil, lastErr
}

const pluginsExecute = "/api/plugins/execute/"

type Transfer struct {
	base   string
	client *ArtClient
	dir    string
}

func (t *Transfer) workingDirParam() string { return "?params=workingDir=" + t.dir }

// doFilterLocallyGenerated asks which of the paths in content are
// generated on the target: a filter query, sent as POST.
func (t *Transfer) doFilterLocallyGenerated(content []byte) (*http.Response, error) {
	return t.client.SendPost(t.base+"/api/localgenerated/filter/paths", content)
}

// importStatus polls the status of a config import.
func (t *Transfer) importStatus(stamp []byte) (*http.Response, error) {
	return t.client.SendPost(t.base+pluginsExecute+"configImportStatus"+t.workingDirParam(), stamp)
}

// sendReloadRequest asks the server to reload its plugin files: an
// action that leaves the same state when repeated, so only a check.
func (t *Transfer) sendReloadRequest() error {
	_, err := t.client.SendPost(t.base+"/api/plugins/reload", nil) // want `POST /api/plugins/reload is retried by ArtClient.SendPost.*check: its names and path do not say`
	return err
}

// uploadChunk submits a chunk for transfer: each POST queues new work.
func (t *Transfer) uploadChunk(chunk []byte) error {
	_, err := t.client.SendPost(t.base+pluginsExecute+"uploadChunk", chunk) // want `POST /api/plugins/execute/uploadChunk is retried by ArtClient.SendPost`
	return err
}
