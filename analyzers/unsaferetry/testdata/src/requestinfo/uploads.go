// Package requestinfo sends Kiota-style request descriptions through a
// request adapter twice cannot see into: the description's Method decides.
// A ranged PUT of an upload slice and a GET are silent; a POST built by a
// generated-style builder and a PATCH literal are reported; a description
// whose method cannot be read stays unknown.
package requestinfo

import (
	"context"
	"time"

	"example.com/kiota/abstractions"
)

type slice struct {
	adapter abstractions.RequestAdapter
	url     string
	data    []byte
}

func (s *slice) requestInformation() *abstractions.RequestInformation {
	info := abstractions.NewRequestInformation()
	info.UrlTemplate = s.url
	info.Method = abstractions.PUT
	info.Content = s.data
	return info
}

// Upload re-sends the same byte range to the upload session: a PUT.
func (s *slice) Upload(ctx context.Context) error {
	for attempt := 0; attempt < 3; attempt++ {
		info := s.requestInformation()
		if _, err := s.adapter.Send(ctx, info); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}

type UsersRequestBuilder struct {
	adapter abstractions.RequestAdapter
}

func (b *UsersRequestBuilder) ToPostRequestInformation(body []byte) *abstractions.RequestInformation {
	info := abstractions.NewRequestInformationWithMethodAndUrlTemplate(abstractions.POST, "{+baseurl}/users")
	info.Content = body
	return info
}

func (b *UsersRequestBuilder) ToGetRequestInformation() *abstractions.RequestInformation {
	return abstractions.NewRequestInformationWithMethodAndUrlTemplate(abstractions.GET, "{+baseurl}/users")
}

// CreateUser retries a POST: a second user.
func (b *UsersRequestBuilder) CreateUser(ctx context.Context, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = b.adapter.Send(ctx, b.ToPostRequestInformation(body)); err == nil { // want `RequestAdapter\.Send \(POST request\) inside a retry loop runs again on every retry; the request can be applied twice`
			return nil
		}
	}
	return err
}

// ListUsers retries a GET.
func (b *UsersRequestBuilder) ListUsers(ctx context.Context) (any, error) {
	var err error
	for i := 0; i < 3; i++ {
		var out any
		if out, err = b.adapter.Send(ctx, b.ToGetRequestInformation()); err == nil {
			return out, nil
		}
	}
	return nil, err
}

// Patch retries a PATCH given in a literal.
func (b *UsersRequestBuilder) Patch(ctx context.Context, id string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		info := &abstractions.RequestInformation{Method: abstractions.PATCH, UrlTemplate: "{+baseurl}/users/" + id, Content: body}
		if err = b.adapter.SendNoContent(ctx, info); err == nil { // want `RequestAdapter\.SendNoContent \(PATCH request\) inside a retry loop`
			return nil
		}
	}
	return err
}

// Forward sends a description its caller built: unknown, silent.
func (b *UsersRequestBuilder) Forward(ctx context.Context, info *abstractions.RequestInformation) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = b.adapter.SendNoContent(ctx, info); err == nil {
			return nil
		}
	}
	return err
}
