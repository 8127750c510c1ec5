package forgeapi

import (
	"bytes"
	"io"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// UploadRequest builds a multipart request carrying a file, for the same
// generic Do.
func (c *Client) UploadRequest(method, path string, content io.Reader, opt any) (*retryablehttp.Request, error) {
	b := new(bytes.Buffer)
	if _, err := io.Copy(b, content); err != nil {
		return nil, err
	}
	req, err := retryablehttp.NewRequest(method, c.baseURL+path, b)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "multipart/form-data")
	return req, nil
}

type GroupOptions struct {
	Name   string
	Avatar io.Reader
}

type GroupsService struct {
	client *Client
}

// CreateGroup builds its request one of two ways, both POST: whichever
// reaches Do, the client re-sends a create.
func (s *GroupsService) CreateGroup(opt *GroupOptions) error {
	var err error
	var req *retryablehttp.Request
	if opt.Avatar == nil {
		req, err = s.client.NewRequest(http.MethodPost, "groups", opt)
	} else {
		req, err = s.client.UploadRequest(http.MethodPost, "groups", opt.Avatar, opt)
	}
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil) // want `POST /groups sent through Client.Do, which sends the request through go-retryablehttp's Client`
	return err
}

// UpdateGroup builds a PUT either way: a repeat sets the same state.
func (s *GroupsService) UpdateGroup(opt *GroupOptions) error {
	var err error
	var req *retryablehttp.Request
	if opt.Avatar == nil {
		req, err = s.client.NewRequest(http.MethodPut, "groups/1", opt)
	} else {
		req, err = s.client.UploadRequest(http.MethodPut, "groups/1", opt.Avatar, opt)
	}
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil)
	return err
}

// ReplaceAvatar PUTs without an avatar and POSTs with one: the method
// reaching Do is not one method, and the send is not judged a POST.
func (s *GroupsService) ReplaceAvatar(opt *GroupOptions) error {
	var err error
	var req *retryablehttp.Request
	if opt.Avatar == nil {
		req, err = s.client.NewRequest(http.MethodPut, "groups/1/avatar", opt)
	} else {
		req, err = s.client.UploadRequest(http.MethodPost, "groups/1/avatar", opt.Avatar, opt)
	}
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil)
	return err
}

type PackagesService struct {
	client *Client
}

// StartUpload opens an upload session: each POST opens a new one.
func (s *PackagesService) StartUpload(name string) error {
	req, err := s.client.NewRequest(http.MethodPost, "packages/"+name+"/uploads", nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil) // want `POST /packages/\{…\}/uploads sent through Client.Do`
	return err
}

// CompleteUpload finishes the session the caller opened, named by the id
// StartUpload answered with: a repeat finds it finished.
func (s *PackagesService) CompleteUpload(name, uploadID string) error {
	req, err := s.client.NewRequest(http.MethodPost, "packages/"+name+"/uploads?uploadId="+uploadID, nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil)
	return err
}

// CompletePackage has no id of the package among its parameters: what it
// completes is not a resource the caller names, and the POST stays a write.
func (s *PackagesService) CompletePackage(name string) error {
	req, err := s.client.NewRequest(http.MethodPost, "packages/"+name+"/complete-build", nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(req, nil) // want `POST /packages/\{…\}/complete-build sent through Client.Do`
	return err
}
