// Package gencloud is a client in the shape Google's API generator
// writes: each method returns a call builder holding the path and the
// payload, and the builder's Do sends it.
package gencloud

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

type Service struct {
	client   *http.Client
	BasePath string
	Datasets *DatasetsService
	Jobs     *JobsService
}

type DatasetsService struct{ s *Service }

// Dataset is the resource: a PATCH carrying it sets the fields it holds.
type Dataset struct {
	Id           string            `json:"id,omitempty"`
	Description  string            `json:"description,omitempty"`
	Labels       map[string]string `json:"labels,omitempty"`
	FriendlyName string            `json:"friendlyName,omitempty"`
}

// LabelDelta adds to a dataset's label counters: a PATCH carrying it adds.
type LabelDelta struct {
	Increment map[string]int `json:"increment,omitempty"`
}

type DatasetsPatchCall struct {
	s       *Service
	id      string
	payload any
	ctx     context.Context
}

func (r *DatasetsService) Patch(id string, dataset *Dataset) *DatasetsPatchCall {
	return &DatasetsPatchCall{s: r.s, id: id, payload: dataset}
}

func (r *DatasetsService) AddLabels(id string, delta *LabelDelta) *DatasetsPatchCall {
	return &DatasetsPatchCall{s: r.s, id: id, payload: delta}
}

func (c *DatasetsPatchCall) Context(ctx context.Context) *DatasetsPatchCall {
	c.ctx = ctx
	return c
}

func (c *DatasetsPatchCall) Do() (*Dataset, error) {
	body, err := json.Marshal(c.payload)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(c.ctx, http.MethodPatch, c.s.BasePath+"datasets/"+c.id, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var ds Dataset
	return &ds, json.NewDecoder(resp.Body).Decode(&ds)
}
