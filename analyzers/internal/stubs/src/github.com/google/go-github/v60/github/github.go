// Package github is a stub of github.com/google/go-github/v60/github for
// analyzer tests: the real signatures of the methods twice's verb heuristic
// meets in real modules.
package github

import (
	"context"
	"net/http"
)

type Response struct {
	*http.Response
}

type ErrorResponse struct {
	Response *http.Response
	Message  string
}

func (r *ErrorResponse) Error() string { return r.Message }

func String(v string) *string { return &v }
func Bool(v bool) *bool       { return &v }

type Client struct {
	Repositories *RepositoriesService
	PullRequests *PullRequestsService
	Issues       *IssuesService
}

func NewClient(httpClient *http.Client) *Client {
	return &Client{Repositories: &RepositoriesService{}, PullRequests: &PullRequestsService{}, Issues: &IssuesService{}}
}

func (c *Client) WithAuthToken(token string) *Client { return c }

type RepositoryRelease struct {
	ID         *int64
	TagName    *string
	Name       *string
	Body       *string
	Draft      *bool
	Prerelease *bool
}

type RepositoriesService struct{}

func (s *RepositoriesService) CreateRelease(ctx context.Context, owner, repo string, release *RepositoryRelease) (*RepositoryRelease, *Response, error) {
	return release, &Response{}, nil
}
func (s *RepositoriesService) GetReleaseByTag(ctx context.Context, owner, repo, tag string) (*RepositoryRelease, *Response, error) {
	return &RepositoryRelease{}, &Response{}, nil
}
func (s *RepositoriesService) EditRelease(ctx context.Context, owner, repo string, id int64, release *RepositoryRelease) (*RepositoryRelease, *Response, error) {
	return release, &Response{}, nil
}
func (s *RepositoriesService) DeleteRelease(ctx context.Context, owner, repo string, id int64) (*Response, error) {
	return &Response{}, nil
}

type NewPullRequest struct {
	Title *string
	Head  *string
	Base  *string
	Body  *string
}

type PullRequest struct {
	Number *int
}

func (p *PullRequest) GetNumber() int {
	if p == nil || p.Number == nil {
		return 0
	}
	return *p.Number
}

type PullRequestListOptions struct{ State string }

type PullRequestsService struct{}

func (s *PullRequestsService) Create(ctx context.Context, owner, repo string, pull *NewPullRequest) (*PullRequest, *Response, error) {
	return &PullRequest{}, &Response{}, nil
}
func (s *PullRequestsService) List(ctx context.Context, owner, repo string, opts *PullRequestListOptions) ([]*PullRequest, *Response, error) {
	return nil, &Response{}, nil
}

type IssueComment struct {
	Body *string
}

type IssuesService struct{}

func (s *IssuesService) CreateComment(ctx context.Context, owner, repo string, number int, comment *IssueComment) (*IssueComment, *Response, error) {
	return comment, &Response{}, nil
}
func (s *IssuesService) EditComment(ctx context.Context, owner, repo string, commentID int64, comment *IssueComment) (*IssueComment, *Response, error) {
	return comment, &Response{}, nil
}
