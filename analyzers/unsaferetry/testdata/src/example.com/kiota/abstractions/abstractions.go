// Package abstractions is shaped like Kiota's: a request adapter sends a
// request description whose Method is an enum.
package abstractions

import "context"

type HttpMethod int

const (
	GET HttpMethod = iota
	POST
	PATCH
	DELETE
	PUT
)

type RequestInformation struct {
	Method      HttpMethod
	UrlTemplate string
	Content     []byte
}

func NewRequestInformation() *RequestInformation { return &RequestInformation{} }

func NewRequestInformationWithMethodAndUrlTemplate(method HttpMethod, urlTemplate string) *RequestInformation {
	return &RequestInformation{Method: method, UrlTemplate: urlTemplate}
}

// RequestAdapter has no implementation in the analyzed program.
type RequestAdapter interface {
	Send(ctx context.Context, requestInfo *RequestInformation) (any, error)
	SendNoContent(ctx context.Context, requestInfo *RequestInformation) error
}
