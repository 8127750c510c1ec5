// Package jsonrpc is the base protocol of the Language Server Protocol:
// JSON-RPC 2.0 messages framed by a header part. It is small on purpose;
// the LSP server (internal/lsp) and its tests' client share it.
package jsonrpc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The base protocol of LSP: JSON-RPC 2.0 messages, each preceded by a header
// part ("Content-Length: N\r\n", optionally "Content-Type: …\r\n", then an
// empty line). Batches are not used by LSP and are answered with an error.

// Limits that keep a misbehaving client from making the server allocate
// without bound.
const (
	maxHeaderLine = 1 << 10  // bytes in one header line
	maxHeaders    = 32       // header lines per message
	maxBody       = 64 << 20 // bytes in one message body
)

// JSON-RPC and LSP error codes.
const (
	CodeParseError           = -32700
	CodeInvalidRequest       = -32600
	CodeMethodNotFound       = -32601
	CodeInvalidParams        = -32602
	CodeInternalError        = -32603
	CodeServerNotInitialized = -32002
	CodeRequestCancelled     = -32800
)

// Message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type Message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *ResponseError  `json:"error,omitempty"`
}

// IsRequest reports whether m is a request (it has a method and an ID).
func (m *Message) IsRequest() bool { return m.Method != "" && len(m.ID) > 0 }

// IsNotification reports whether m is a notification (a method, no ID).
func (m *Message) IsNotification() bool { return m.Method != "" && len(m.ID) == 0 }

// ResponseError is the error member of a response.
type ResponseError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *ResponseError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// ErrFraming is wrapped by every error that leaves the stream unusable:
// after a bad header there is no way to find the next message.
var ErrFraming = errors.New("bad message framing")

// Reader reads framed messages from a stream.
type Reader struct{ r *bufio.Reader }

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, maxHeaderLine)} }

// Read returns the body of the next message. io.EOF means the stream ended
// cleanly between messages; an error wrapping ErrFraming means the header
// part was malformed or the stream ended inside a message.
func (rd *Reader) Read() ([]byte, error) {
	length := -1
	for n := 0; ; n++ {
		if n == maxHeaders {
			return nil, fmt.Errorf("%w: more than %d header lines", ErrFraming, maxHeaders)
		}
		line, err := rd.r.ReadSlice('\n')
		switch {
		case err == io.EOF && n == 0 && len(line) == 0:
			return nil, io.EOF
		case err == bufio.ErrBufferFull:
			return nil, fmt.Errorf("%w: header line longer than %d bytes", ErrFraming, maxHeaderLine)
		case err != nil:
			return nil, fmt.Errorf("%w: stream ended inside a header: %v", ErrFraming, err)
		}
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" {
			break // end of the header part
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("%w: header line %q has no colon", ErrFraming, text)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			v, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || v < 0 {
				return nil, fmt.Errorf("%w: bad Content-Length %q", ErrFraming, strings.TrimSpace(value))
			}
			if v > maxBody {
				return nil, fmt.Errorf("%w: Content-Length %d is larger than %d", ErrFraming, v, maxBody)
			}
			length = v
		}
		// Content-Type and unknown headers are ignored (utf-8 is the only
		// encoding LSP uses).
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: no Content-Length header", ErrFraming)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, fmt.Errorf("%w: stream ended inside a message body: %v", ErrFraming, err)
	}
	return body, nil
}

// Decode parses one body. A batch (a JSON array) or a body that is not a
// JSON-RPC 2.0 object gives a *ResponseError to send back; the stream stays
// usable.
func Decode(body []byte) (*Message, *ResponseError) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return nil, &ResponseError{Code: CodeInvalidRequest, Message: "batch requests are not supported (LSP does not use them)"}
	}
	var m Message
	if err := json.Unmarshal(trimmed, &m); err != nil {
		return nil, &ResponseError{Code: CodeParseError, Message: "parse error: " + err.Error()}
	}
	if m.JSONRPC != "2.0" {
		return nil, &ResponseError{Code: CodeInvalidRequest, Message: `"jsonrpc" must be "2.0"`}
	}
	if m.Method == "" && len(m.ID) == 0 {
		return nil, &ResponseError{Code: CodeInvalidRequest, Message: "message has neither method nor id"}
	}
	return &m, nil
}

// Writer writes framed messages; it is safe for concurrent use (the reader
// loop answers requests while analysis goroutines publish diagnostics).
type Writer struct {
	mu sync.Mutex
	w  io.Writer
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write frames and writes m, setting its "jsonrpc" member.
func (wr *Writer) Write(m *Message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encoding message: %w", err)
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if _, err := fmt.Fprintf(wr.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return fmt.Errorf("writing message: %w", err)
	}
	if _, err := wr.w.Write(body); err != nil {
		return fmt.Errorf("writing message: %w", err)
	}
	return nil
}
