//go:build unix

package configcheck

import "syscall"

// nonBlocking makes opening a FIFO return at once instead of waiting for a
// writer; reading a regular file is unaffected.
const nonBlocking = syscall.O_NONBLOCK
