// Package utils holds an authorization store's database helpers.
package utils

import "strings"

// IsSerializationRelatedError reports whether the database aborted the
// transaction: a serialization failure or a unique violation rolls it
// back, so nothing of it was written.
func IsSerializationRelatedError(err error) bool {
	if strings.Contains(err.Error(), "could not serialize") ||
		strings.Contains(err.Error(), "duplicate key value") {
		return true
	}
	return false
}

// IsConnectionError reports a dropped connection, which can follow a
// COMMIT the server executed.
func IsConnectionError(err error) bool {
	return strings.Contains(err.Error(), "connection reset")
}
