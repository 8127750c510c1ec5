// Package uploads is a storage client that sends an upload again after
// a server error. An upload handed the reader the first attempt read to
// its end sends an empty body the second time: nothing is stored twice.
package uploads

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

// APIError is the service's error answer.
type APIError struct{ Status int }

func (e *APIError) Error() string { return fmt.Sprintf("status %d", e.Status) }

// IsFatal is false for a timeout or a server error.
func (e *APIError) IsFatal() bool { return e.Status != http.StatusRequestTimeout && e.Status < 500 }

type Bucket struct {
	hc  *http.Client
	url string
}

type File struct{ ID string }

// uploadFile stores the content read from r as a new version of name.
func (b *Bucket) uploadFile(name string, r io.Reader, size int64) (*File, error) {
	req, err := http.NewRequest(http.MethodPost, b.url+"/v1/upload_file?name="+name, r)
	if err != nil {
		return nil, err
	}
	req.ContentLength = size
	resp, err := b.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &APIError{Status: resp.StatusCode}
	}
	return &File{}, nil
}

// rewindingUpload rewinds a reader that can seek before it sends it.
func (b *Bucket) rewindingUpload(name string, r io.Reader, size int64) (*File, error) {
	if s, ok := r.(io.Seeker); ok {
		if _, err := s.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return b.uploadFile(name, r, size)
}

// Upload retries with the reader the first attempt drained: the second
// request carries no content.
func (b *Bucket) Upload(name string, content io.Reader, size int64) (*File, error) {
	f, err := b.uploadFile(name, content, size)
	if apiErr, ok := err.(*APIError); ok && !apiErr.IsFatal() {
		f, err = b.uploadFile(name, content, size)
	}
	return f, err
}

// UploadBuffered drains a buffer the same way.
func (b *Bucket) UploadBuffered(name string, content *bytes.Buffer) (*File, error) {
	size := int64(content.Len())
	f, err := b.uploadFile(name, content, size)
	if apiErr, ok := err.(*APIError); ok && !apiErr.IsFatal() {
		f, err = b.uploadFile(name, content, size)
	}
	return f, err
}

// UploadBytes gives each attempt a new reader over the same bytes: the
// content is stored again.
func (b *Bucket) UploadBytes(name string, data []byte) (*File, error) {
	f, err := b.uploadFile(name, bytes.NewReader(data), int64(len(data)))
	if apiErr, ok := err.(*APIError); ok && !apiErr.IsFatal() {
		f, err = b.uploadFile(name, bytes.NewReader(data), int64(len(data))) // want `is sent again after inspecting`
	}
	return f, err
}

// UploadSeeker rewinds the reader before the second attempt.
func (b *Bucket) UploadSeeker(name string, content io.ReadSeeker, size int64) (*File, error) {
	f, err := b.uploadFile(name, content, size)
	if apiErr, ok := err.(*APIError); ok && !apiErr.IsFatal() {
		if _, err := content.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		f, err = b.uploadFile(name, content, size) // want `is sent again after inspecting`
	}
	return f, err
}

// UploadRewound goes through a helper that rewinds the reader itself.
func (b *Bucket) UploadRewound(name string, content io.Reader, size int64) (*File, error) {
	f, err := b.rewindingUpload(name, content, size)
	if apiErr, ok := err.(*APIError); ok && !apiErr.IsFatal() {
		f, err = b.rewindingUpload(name, content, size) // want `is sent again after inspecting`
	}
	return f, err
}
