// Package blobstore uploads blobs to a content-addressed store: a write
// filed under the digest of its bytes stores the same blob however often
// it is sent. A write filed under a fresh name is not.
package blobstore

import (
	"fmt"
	"time"
)

type Digest struct {
	Hash      string
	SizeBytes int64
}

type WriteRequest struct {
	ResourceName string
	WriteOffset  int64
	Data         []byte
}

// Writer is a client stream whose implementation twice cannot see.
type Writer interface {
	Send(req *WriteRequest) error
}

func withRetries(f func() error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Upload writes the blob under its digest.
func Upload(w Writer, instance, session string, digest Digest, data []byte) error {
	return withRetries(func() error {
		req := &WriteRequest{Data: data}
		req.ResourceName = fmt.Sprintf("%s/uploads/%s/blobs/%s/%d", instance, session, digest.Hash, digest.SizeBytes)
		return w.Send(req)
	})
}

// UploadLiteral names the blob by its digest in the request literal.
func UploadLiteral(w Writer, digest Digest, data []byte) error {
	return withRetries(func() error {
		return w.Send(&WriteRequest{ResourceName: "blobs/" + digest.Hash, Data: data})
	})
}

// WriteChunks writes each chunk at its offset of a resource its caller
// names: a repeat writes the same bytes at the same place.
func WriteChunks(w Writer, name string, chunks [][]byte) error {
	return withRetries(func() error {
		var off int64
		for _, c := range chunks {
			req := &WriteRequest{ResourceName: name, Data: c}
			req.WriteOffset = off
			if err := w.Send(req); err != nil {
				return err
			}
			off += int64(len(c))
		}
		return nil
	})
}

// Append files each write under a new sequence number: a repeat stores
// the bytes twice.
func Append(w Writer, log string, seq int, data []byte) error {
	return withRetries(func() error {
		req := &WriteRequest{ResourceName: fmt.Sprintf("logs/%s/entries/%d", log, seq), Data: data}
		return w.Send(req) // want `Writer.Send \(an interface method with no body twice can see, named like a send\) inside blobstore.withRetries \(retries its func argument\) runs again on every retry`
	})
}
