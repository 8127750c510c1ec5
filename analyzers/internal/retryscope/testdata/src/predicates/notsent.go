package predicates

import (
	"context"
	"crypto/x509"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"net"
	"strings"
	"syscall"
	"time"
)

// neverSent holds only for errors returned before the request reached the
// server: the name did not resolve, the host was unreachable, the
// certificate was rejected during the handshake, the body could not be
// encoded, the driver's connection was bad before the statement was sent.
func neverSent(err error) bool {
	var dnsErr *net.DNSError
	var certErr x509.UnknownAuthorityError
	var encErr *json.UnsupportedTypeError
	switch {
	case errors.As(err, &dnsErr), errors.As(err, &certErr), errors.As(err, &encErr):
		return true
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone), errors.Is(err, syscall.EHOSTUNREACH):
		return true
	}
	return strings.Contains(err.Error(), "no such host")
}

// neverSentOrReset also retries a reset connection, which can come after
// the server executed the request.
func neverSentOrReset(err error) bool {
	return neverSent(err) || errors.Is(err, syscall.ECONNRESET)
}

// RetryUnsent goes round only when the request was never sent.
func RetryUnsent(ctx context.Context, s sender, body string) (*Response, error) {
	for i := 0; ; i++ {
		resp, err := s.writeRequest(ctx, body)
		if err == nil {
			return resp, nil
		}
		if !neverSent(err) || i == 3 {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}

// RetryUnsentOrReset goes round after a reset connection too.
func RetryUnsentOrReset(ctx context.Context, s sender, body string) (*Response, error) {
	for i := 0; ; i++ {
		resp, err := s.writeRequest(ctx, body) // want "retried by a retry loop"
		if err == nil {
			return resp, nil
		}
		if !neverSentOrReset(err) || i == 3 {
			return nil, err
		}
		time.Sleep(time.Second)
	}
}
