package purposes

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// A CLI's API client of a common shape: every typed client embeds one
// APIClient whose *http.Client comes from go-retryablehttp's
// StandardClient, and doRequest copies it into a local before falling
// back to http.DefaultClient.
type APIClient struct {
	httpClient *http.Client
	endpoint   string
}

type TelemetryClient struct{ APIClient }

func NewTelemetryClient(endpoint string) *TelemetryClient {
	rc := retryablehttp.NewClient()
	return &TelemetryClient{APIClient: APIClient{httpClient: rc.StandardClient(), endpoint: endpoint}}
}

func (c *APIClient) doRequest(method, path string, d any) ([]byte, error) {
	body, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, c.endpoint+path, bytes.NewBuffer(body))
	if err != nil {
		return nil, err
	}
	client := c.httpClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// AddEvent posts one more event of the kind name says ("run_started"):
// many events share a name, so the name is no key and a repeat is a
// second event.
func (c *TelemetryClient) AddEvent(name string, env map[string]any) error {
	d := map[string]any{"event": name, "env": env}
	_, err := c.doRequest("POST", "/event", d) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

// CreateLogGroup creates a log group under the name its caller chose: a
// log group is a named resource, refused on a repeat.
func (c *TelemetryClient) CreateLogGroup(name string) error {
	_, err := c.doRequest("POST", "/log-groups", map[string]any{"name": name}) // check: caller-chosen name
	return err
}

// A provider's client takes go-retryablehttp's StandardClient and then
// sets its own Transport (TLS settings): the retry lived in the replaced
// transport, so nothing is retried.
type ProviderClient struct{ httpClient *http.Client }

func newProviderHTTPClient() *http.Client {
	rc := retryablehttp.NewClient()
	hc := rc.StandardClient()
	hc.Transport = &http.Transport{}
	return hc
}

func NewProviderClient() *ProviderClient {
	hc := newProviderHTTPClient()
	return &ProviderClient{httpClient: hc}
}

func (c *ProviderClient) CreateFlow(body io.Reader) error {
	req, err := http.NewRequest(http.MethodPost, "/realms/main/authentication/flows/copies", body)
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
