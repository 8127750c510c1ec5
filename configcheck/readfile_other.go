//go:build !unix

package configcheck

// nonBlocking: no such open flag here; the type check on the handle still
// applies.
const nonBlocking = 0
