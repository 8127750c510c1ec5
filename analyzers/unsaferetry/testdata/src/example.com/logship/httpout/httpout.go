// Package httpout posts each batch to an endpoint through the pipeline's
// retrying batcher: a batch the endpoint took whose reply was lost is
// posted again.
package httpout

import (
	"bytes"
	"net/http"

	"example.com/logship/pipeline"
)

type Plugin struct {
	endpoint string
	hc       *http.Client
	batcher  *pipeline.RetriableBatcher
}

func New(endpoint string) *Plugin {
	p := &Plugin{endpoint: endpoint, hc: http.DefaultClient}
	p.batcher = pipeline.NewRetriableBatcher(p.out, p.report) // want `Plugin\.out \(POST request\) inside pipeline\.NewRetriableBatcher \(retries its func argument\) runs again on every retry`
	return p
}

func (p *Plugin) out(b *pipeline.Batch) error {
	resp, err := p.hc.Post(p.endpoint, "application/x-ndjson", bytes.NewReader(bytes.Join(b.Events, []byte("\n"))))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// report is called once, after the last try: its POST is not retried.
func (p *Plugin) report(err error) {
	resp, postErr := p.hc.Post(p.endpoint+"/errors", "text/plain", bytes.NewReader([]byte(err.Error())))
	if postErr == nil {
		resp.Body.Close()
	}
}
