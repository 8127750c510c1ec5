package gencloud

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// JobReference names a job: a job inserted again under the same JobId is
// refused.
type JobReference struct {
	ProjectId string `json:"projectId,omitempty"`
	JobId     string `json:"jobId,omitempty"`
}

type Job struct {
	JobReference *JobReference `json:"jobReference,omitempty"`
	Query        string        `json:"query,omitempty"`
	Id           string        `json:"id,omitempty"` // set by the server
}

// QueryRequest runs a query; the service drops a repeat of a RequestId.
type QueryRequest struct {
	Query     string `json:"query,omitempty"`
	RequestId string `json:"requestId,omitempty"`
}

// InsertAllRequest streams rows; a row whose InsertId was seen is dropped.
type InsertAllRequest struct {
	Rows []*InsertAllRequestRows `json:"rows,omitempty"`
}

type InsertAllRequestRows struct {
	InsertId string         `json:"insertId,omitempty"`
	Json     map[string]any `json:"json,omitempty"`
}

type RoutineReference struct {
	RoutineId string `json:"routineId,omitempty"`
}

type Routine struct {
	RoutineReference *RoutineReference `json:"routineReference,omitempty"`
	Body             string            `json:"definitionBody,omitempty"`
}

// PostCall is a builder whose Do posts the payload it was given.
type PostCall struct {
	s       *Service
	path    string
	payload any
	ctx     context.Context
}

func (c *PostCall) Context(ctx context.Context) *PostCall {
	c.ctx = ctx
	return c
}

func (c *PostCall) Do() error {
	body, err := json.Marshal(c.payload)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(c.ctx, http.MethodPost, c.s.BasePath+c.path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (r *JobsService) Insert(project string, job *Job) *PostCall {
	return &PostCall{s: r.s, path: "projects/" + project + "/jobs", payload: job}
}

func (r *JobsService) Query(project string, q *QueryRequest) *PostCall {
	return &PostCall{s: r.s, path: "projects/" + project + "/queries", payload: q}
}

func (r *JobsService) InsertAll(project, table string, rows *InsertAllRequest) *PostCall {
	return &PostCall{s: r.s, path: "projects/" + project + "/tables/" + table + "/insertAll", payload: rows}
}

func (r *JobsService) InsertRoutine(project string, routine *Routine) *PostCall {
	return &PostCall{s: r.s, path: "projects/" + project + "/routines", payload: routine}
}
