package uploads

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
)

// Resumable uploads send a file in chunks to a session opened before the
// loop. A chunk that says where its bytes go (Content-Range, or tus's
// Upload-Offset) is stored at that position: sent again after a lost
// reply it rewrites the same range, so re-sending it is safe. A chunk
// appended to the session without a position is added again.

type Session struct {
	hc  *http.Client
	uri string
}

func (s *Session) putRange(ctx context.Context, chunk []byte, off int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.uri, bytes.NewReader(chunk))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Range", fmt.Sprintf("bytes %d-%d/*", off, off+int64(len(chunk))-1))
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Session) patchAtOffset(ctx context.Context, chunk []byte, off int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, s.uri, bytes.NewReader(chunk))
	if err != nil {
		return err
	}
	req.Header.Set("Upload-Offset", strconv.FormatInt(off, 10))
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Session) appendChunk(ctx context.Context, chunk []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.uri+"/append", bytes.NewReader(chunk))
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// UploadRanges re-sends a chunk placed by Content-Range: silent.
func (s *Session) UploadRanges(ctx context.Context, chunks [][]byte) error {
	var off int64
	for _, c := range chunks {
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			if err = s.putRange(ctx, c, off); err == nil {
				break
			}
		}
		if err != nil {
			return err
		}
		off += int64(len(c))
	}
	return nil
}

// UploadTus re-sends a tus PATCH at its offset: silent.
func (s *Session) UploadTus(ctx context.Context, chunk []byte, off int64) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.patchAtOffset(ctx, chunk, off); err == nil {
			return nil
		}
	}
	return err
}

// UploadAppend re-sends a chunk with no position: the session gets it twice.
func (s *Session) UploadAppend(ctx context.Context, chunk []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.appendChunk(ctx, chunk); err == nil { // want `Session.appendChunk \(POST .*/append\) inside a retry loop runs again on every retry`
			return nil
		}
	}
	return err
}

// UploadLast sends the final chunk inline, placed by Content-Range: silent.
func (s *Session) UploadLast(ctx context.Context, chunk []byte, off int64) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, s.uri, bytes.NewReader(chunk))
		if rerr != nil {
			return rerr
		}
		req.Header.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", off, off+int64(len(chunk))-1, off+int64(len(chunk))))
		var resp *http.Response
		if resp, err = s.hc.Do(req); err == nil {
			return resp.Body.Close()
		}
	}
	return err
}

// A chain API client retries every request (a helper of this package).
// Content filed under its own hash is stored once however often it is
// sent: an IPFS add (its CID) and a signed transaction (the ledger knows
// it by its hash) are silent; a POST that records a new transfer is
// reported.
type Chain struct {
	hc   *http.Client
	base string
}

func (c *Chain) post(ctx context.Context, path string, body []byte) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		var resp *http.Response
		resp, err = c.hc.Do(req)
		if err == nil {
			return resp.Body.Close()
		}
	}
	return err
}

func (c *Chain) AddFile(ctx context.Context, data []byte) error {
	return c.post(ctx, "/api/v0/ipfs/add", data)
}

func (c *Chain) SubmitTx(ctx context.Context, signed []byte) error {
	return c.post(ctx, "/api/v0/tx/submit", signed)
}

func (c *Chain) RecordTransfer(ctx context.Context, body []byte) error {
	return c.post(ctx, "/api/v0/transfers", body) // want `POST /api/v0/transfers is retried by Chain.post`
}
