package jsonrpc

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

// TestReaderFraming reads streams shaped as the spec allows — several
// messages in one read, one byte per read, a Content-Type header, headers
// in any case — and malformed ones, which must give a framing error.
func TestReaderFraming(t *testing.T) {
	a := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`
	b := `{"jsonrpc":"2.0","method":"initialized","params":{}}`
	utf := `{"jsonrpc":"2.0","method":"x","params":{"text":"héllo 👋"}}`
	tests := []struct {
		name    string
		stream  string
		want    []string
		wantErr string // substring of the error after the messages in want
	}{
		{name: "two messages", stream: frame(a) + frame(b), want: []string{a, b}},
		{name: "content type", stream: "Content-Length: " + strconv.Itoa(len(a)) + "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + a, want: []string{a}},
		{name: "type first, lower case", stream: "content-type: application/vscode-jsonrpc\r\ncontent-length: " + strconv.Itoa(len(b)) + "\r\n\r\n" + b, want: []string{b}},
		{name: "byte length, not characters", stream: frame(utf), want: []string{utf}},
		{name: "empty stream", stream: ""},
		{name: "no length", stream: "Content-Type: x\r\n\r\n" + a, wantErr: "no Content-Length"},
		{name: "bad length", stream: "Content-Length: ten\r\n\r\n" + a, wantErr: "bad Content-Length"},
		{name: "negative length", stream: "Content-Length: -1\r\n\r\n", wantErr: "bad Content-Length"},
		{name: "huge length", stream: "Content-Length: 999999999999\r\n\r\n", wantErr: "larger than"},
		{name: "no colon", stream: "hello\r\n\r\n", wantErr: "no colon"},
		{name: "long header line", stream: "X: " + strings.Repeat("a", 5000) + "\r\n\r\n", wantErr: "longer than"},
		{name: "too many headers", stream: strings.Repeat("X: y\r\n", 100), wantErr: "more than"},
		{name: "truncated body", stream: frame(a)[:30], wantErr: "inside a message body"},
		{name: "truncated header", stream: frame(a) + "Content-Len", want: []string{a}, wantErr: "inside a header"},
	}
	for _, tt := range tests {
		for _, oneByte := range []bool{false, true} {
			name := tt.name
			if oneByte {
				name += "/one byte per read"
			}
			t.Run(name, func(t *testing.T) {
				var src io.Reader = strings.NewReader(tt.stream)
				if oneByte {
					src = iotest.OneByteReader(src)
				}
				rd := NewReader(src)
				for i, want := range tt.want {
					got, err := rd.Read()
					if err != nil {
						t.Fatalf("Message %d: %v", i, err)
					}
					if string(got) != want {
						t.Fatalf("Message %d = %q, want %q", i, got, want)
					}
				}
				_, err := rd.Read()
				if tt.wantErr == "" {
					if err != io.EOF {
						t.Fatalf("after the messages: %v, want io.EOF", err)
					}
					return
				}
				if !errors.Is(err, ErrFraming) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want a framing error containing %q", err, tt.wantErr)
				}
			})
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		wantCode int // 0: decodes
		request  bool
	}{
		{name: "request", body: `{"jsonrpc":"2.0","id":"a","method":"shutdown"}`, request: true},
		{name: "notification", body: `{"jsonrpc":"2.0","method":"exit"}`},
		{name: "response", body: `{"jsonrpc":"2.0","id":3,"result":null}`},
		{name: "batch", body: `[{"jsonrpc":"2.0","method":"exit"}]`, wantCode: CodeInvalidRequest},
		{name: "not JSON", body: `{"jsonrpc":`, wantCode: CodeParseError},
		{name: "wrong version", body: `{"jsonrpc":"1.0","method":"exit"}`, wantCode: CodeInvalidRequest},
		{name: "empty object", body: `{"jsonrpc":"2.0"}`, wantCode: CodeInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, rerr := Decode([]byte(tt.body))
			if tt.wantCode != 0 {
				if rerr == nil || rerr.Code != tt.wantCode {
					t.Fatalf("got %v, want error code %d", rerr, tt.wantCode)
				}
				return
			}
			if rerr != nil {
				t.Fatal(rerr)
			}
			if m.IsRequest() != tt.request {
				t.Errorf("IsRequest = %v, want %v", m.IsRequest(), tt.request)
			}
		})
	}
}

func TestWriterRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.Write(&Message{ID: []byte("7"), Result: []byte(`{"x":"é"}`)}); err != nil {
		t.Fatal(err)
	}
	body, err := NewReader(&buf).Read()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"jsonrpc":"2.0","id":7,"result":{"x":"é"}}`; string(body) != want {
		t.Fatalf("got %s, want %s", body, want)
	}
}
