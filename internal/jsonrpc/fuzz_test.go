package jsonrpc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary streams to the reader and decoder: they must
// end with io.EOF or an error, never panic, and never return more bytes
// than the stream held.
func FuzzReader(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"))
	f.Add([]byte("Content-Length: 5\r\nContent-Type: x\r\n\r\n[1,2]"))
	f.Add([]byte("content-length:0\n\n"))
	f.Add([]byte("Content-Length: 99999999999999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, stream []byte) {
		rd := NewReader(bytes.NewReader(stream))
		total := 0
		for range 1000 {
			body, err := rd.Read()
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, ErrFraming) {
					t.Fatalf("unexpected error kind: %v", err)
				}
				return
			}
			total += len(body)
			if total > len(stream) {
				t.Fatalf("read %d body bytes from a %d-byte stream", total, len(stream))
			}
			m, rerr := Decode(body)
			if (m == nil) == (rerr == nil) {
				t.Fatalf("Decode(%q) = %v, %v: want exactly one", body, m, rerr)
			}
		}
	})
}
