// Package errors is a stub of github.com/pkg/errors: errors with stack
// traces, and Is/As/Unwrap passed through to the standard library.
package errors

import (
	stderrors "errors"
	"fmt"
)

func New(message string) error { return stderrors.New(message) }

func Errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

func Wrap(err error, message string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", message, err)
}

func Is(err, target error) bool { return stderrors.Is(err, target) }

func As(err error, target any) bool { return stderrors.As(err, target) }

func Unwrap(err error) error { return stderrors.Unwrap(err) }
