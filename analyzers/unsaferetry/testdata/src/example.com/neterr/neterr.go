// Package neterr classifies the network errors of a platform's clients.
package neterr

import (
	"errors"
	"net"
)

type Error struct{ err error }

func Adapter(err error) *Error {
	if err == nil {
		return nil
	}
	return &Error{err: err}
}

// IsDialError reports a failure to connect: the request was not sent.
func (e Error) IsDialError() bool {
	var opErr *net.OpError
	return errors.As(e.err, &opErr) && opErr.Op == "dial"
}

// IsTimeout reports a timeout, which can come after the server acted.
func (e Error) IsTimeout() bool {
	var ne net.Error
	return errors.As(e.err, &ne) && ne.Timeout()
}
