// Package headermap is a generated-client core of a common shape: every
// operation calls CallApi with its method, path and a map of headers;
// CallApi fills in defaults, copies the map onto a request built by
// prepareRequest, and sends it through a go-retryablehttp StandardClient.
// When CallApi puts a dedup header made once per call into the map (a
// vendor's request id that the API takes as an idempotency token), every
// attempt of the retrying client sends the same one: silent. A map that
// carries only a trace id protects nothing.
package headermap

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type ApiClient struct {
	Host       string
	httpClient *http.Client
}

func NewApiClient(host string) *ApiClient {
	rc := retryablehttp.NewClient()
	return &ApiClient{Host: host, httpClient: rc.StandardClient()}
}

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// CallApi sends one operation. The request id is made once per call,
// before the retrying client's attempts.
func (a *ApiClient) CallApi(path, method string, body any, headerParams map[string]string) (*http.Response, error) {
	if headerParams["Accept"] == "" {
		headerParams["Accept"] = "application/json"
	}
	if _, ok := headerParams["NTNX-Request-Id"]; !ok {
		headerParams["NTNX-Request-Id"] = newID()
	}
	request, err := prepareRequest(a.Host+path, method, body, headerParams)
	if err != nil {
		return nil, err
	}
	return a.httpClient.Do(request)
}

// prepareRequest copies the headers onto a new request.
func prepareRequest(url, method string, body any, headers map[string]string) (*http.Request, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return req, nil
}

// TracedClient is the same core with a trace id only.
type TracedClient struct {
	Host       string
	httpClient *http.Client
}

func NewTracedClient(host string) *TracedClient {
	rc := retryablehttp.NewClient()
	return &TracedClient{Host: host, httpClient: rc.StandardClient()}
}

func (a *TracedClient) CallApi(path, method string, body any, headerParams map[string]string) (*http.Response, error) {
	headerParams["X-Trace-Id"] = newID()
	request, err := prepareRequest(a.Host+path, method, body, headerParams)
	if err != nil {
		return nil, err
	}
	return a.httpClient.Do(request)
}

type Disk struct{ SizeBytes int64 }

// CreateDisk attaches a new disk: the request id keys it.
func (a *ApiClient) CreateDisk(vm string, d *Disk) error {
	_, err := a.CallApi("/vms/"+vm+"/disks", http.MethodPost, d, map[string]string{})
	return err
}

// CreateDisk without a key: a lost reply leaves a second disk.
func (a *TracedClient) CreateDisk(vm string, d *Disk) error {
	_, err := a.CallApi("/vms/"+vm+"/disks", http.MethodPost, d, map[string]string{}) // want `POST /vms/\{…\}/disks is retried by TracedClient\.CallApi`
	return err
}
