// Package encoders builds wire messages: a write command's documents are
// appended to the message buffer in batches, with a fallback to a smaller
// batch when the first attempt fits nothing. The second append follows a
// look at the first one's count — a local result, not a response — and
// nothing is sent by either.
package encoders

import (
	"errors"
	"net"
)

// DocumentSource hands out encoded documents in batches. Exported so that
// the driver's operation packages can supply their own.
type DocumentSource interface {
	AppendBatch(dst []byte, maxCount, maxSize int) (int, []byte, error)
}

var ErrTooLarge = errors.New("encoders: document too large")

// AppendCommand appends as many documents as fit, falling back to one.
func AppendCommand(src DocumentSource, dst []byte, maxCount, maxSize int) (int, []byte, error) {
	var n int
	var err error
	if maxCount > 1 {
		n, dst, err = src.AppendBatch(dst, maxCount, maxSize)
		if err != nil {
			return 0, nil, err
		}
	}
	if n == 0 {
		n, dst, err = src.AppendBatch(dst, 1, maxSize)
		if err != nil {
			return 0, nil, err
		}
		if n == 0 {
			return 0, nil, ErrTooLarge
		}
	}
	return n, dst, nil
}

// Send encodes the command and writes it once.
func Send(conn net.Conn, src DocumentSource, header []byte) (int, error) {
	n, msg, err := AppendCommand(src, append([]byte(nil), header...), 1000, 16<<20)
	if err != nil {
		return 0, err
	}
	_, err = conn.Write(msg)
	return n, err
}
