// Package apperrors is a billing service whose hand-written retry loops go
// round only on specific application errors. A loop that re-runs a write
// only when a particular error of the service came back (a stale version,
// a quota refusal, a duplicate id, an SQLite "busy") and returns on every
// other error is silent: either the error is a refusal, or its meaning is
// unknown to twice, and unknown is silence. A loop that also goes round on
// an ambiguous outcome — a timeout, a closed connection, any error — can
// repeat a write that took effect and is reported.
package apperrors

import (
	"errors"
	"fmt"
	"io"
)

// Errors the store answers with.
var (
	// ErrStale: the row changed since it was read; nothing was written.
	ErrStale = errors.New("store: stale version")
	// ErrDuplicateID: the invoice id is taken; re-send with a new one.
	ErrDuplicateID = fmt.Errorf("store: invoice id already taken")
	// ErrSessionGone reads like an application error, but its text says
	// the connection went away: the write may have been applied.
	ErrSessionGone = errors.New("store: connection closed by peer")
	// ErrFlushed wraps io.EOF: an ambiguous outcome under another name.
	ErrFlushed = fmt.Errorf("store: flushed: %w", io.EOF)
	// ErrDeadlineHit is named for a timeout.
	ErrDeadlineHit = errors.New("store: gave up")
)

// ErrorCode classifies the store's errors.
type ErrorCode int

const (
	CodeStale ErrorCode = iota + 1
	CodeQuota
	CodeUnavailable
)

// StoreError is a coded error of the store.
type StoreError struct {
	Code ErrorCode
	Msg  string
}

func (e *StoreError) Error() string { return e.Msg }

// ErrQuotaSpent is a coded sentinel: the account has no quota left.
var ErrQuotaSpent = &StoreError{Code: CodeQuota, Msg: "store: quota spent"}

// QuotaError: the account's quota is used up for this period.
type QuotaError struct {
	Account string
	Limit   int
}

func (e *QuotaError) Error() string { return "quota used up for " + e.Account }

// BackendError carries the backend's HTTP status: asserting it says
// nothing about which status came back (a 500 is one too).
type BackendError struct {
	StatusCode int
	Body       string
}

func (e *BackendError) Error() string { return fmt.Sprintf("backend: %d %s", e.StatusCode, e.Body) }

// ProblemDoc is an RFC 7807 problem document answered by the payment API.
type ProblemDoc struct {
	Type   string
	Status int
}

func (p ProblemDoc) Error() string { return p.Type }

// ProblemStaleAccount is the problem type for an account the API no longer
// knows: the request was refused.
const ProblemStaleAccount = "urn:example:payments:error:accountNotFound"

// ProblemServerFault is the problem type of a failed server.
const ProblemServerFault = "urn:example:payments:error:serverInternal"

// WriteError wraps the cause of a failed write, whatever it was (a
// timeout among them): asserting it says nothing about the outcome.
type WriteError struct {
	Op  string
	Err error
}

func (e *WriteError) Error() string { return e.Op + ": " + e.Err.Error() }
