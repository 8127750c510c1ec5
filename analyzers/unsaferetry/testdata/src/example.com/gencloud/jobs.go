package gencloud

import (
	"context"
	"net/http"

	"google.golang.org/api/googleapi"
)

type JobsService struct{ s *Service }

type JobsCancelCall struct {
	ctx          context.Context
	s            *Service
	project, job string
}

func (r *JobsService) Cancel(project, job string) *JobsCancelCall {
	return &JobsCancelCall{s: r.s, project: project, job: job}
}

// Do cancels the job: a transition of one job, repeated it finds the job
// cancelled.
func (c *JobsCancelCall) Do() error {
	urls := googleapi.ResolveRelative(c.s.BasePath, "projects/{projectId}/jobs/{+jobId}/cancel")
	req, err := http.NewRequestWithContext(c.ctx, "POST", urls, nil)
	if err != nil {
		return err
	}
	googleapi.Expand(req.URL, map[string]string{"projectId": c.project, "jobId": c.job})
	resp, err := c.s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type JobsTestIamPermissionsCall struct {
	ctx      context.Context
	s        *Service
	resource string
}

func (r *JobsService) TestIamPermissions(resource string) *JobsTestIamPermissionsCall {
	return &JobsTestIamPermissionsCall{s: r.s, resource: resource}
}

// Do asks which permissions the caller holds on the resource: a read.
func (c *JobsTestIamPermissionsCall) Do() error {
	urls := googleapi.ResolveRelative(c.s.BasePath, "{+resource}:testIamPermissions")
	req, err := http.NewRequestWithContext(c.ctx, "POST", urls, nil)
	if err != nil {
		return err
	}
	googleapi.Expand(req.URL, map[string]string{"resource": c.resource})
	resp, err := c.s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type JobsRunCall struct {
	ctx     context.Context
	s       *Service
	project string
}

func (r *JobsService) Run(project string) *JobsRunCall { return &JobsRunCall{s: r.s, project: project} }

// Do starts a new job each time.
func (c *JobsRunCall) Do() error {
	urls := googleapi.ResolveRelative(c.s.BasePath, "projects/{projectId}/jobs")
	req, err := http.NewRequestWithContext(c.ctx, "POST", urls, nil)
	if err != nil {
		return err
	}
	googleapi.Expand(req.URL, map[string]string{"projectId": c.project})
	resp, err := c.s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
