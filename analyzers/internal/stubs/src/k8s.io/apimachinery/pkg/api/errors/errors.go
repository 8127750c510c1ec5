// Package errors is a stub of k8s.io/apimachinery/pkg/api/errors for
// analyzer tests.
package errors

func IsNotFound(err error) bool      { return false }
func IsAlreadyExists(err error) bool { return false }
func IsConflict(err error) bool      { return false }

func IsRequestEntityTooLargeError(err error) bool { return false }
