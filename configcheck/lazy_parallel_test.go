package configcheck

import (
	"sync/atomic"
	"testing"
)

// inParallel calls every index exactly once, whatever the count.
func TestInParallel(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		inParallel(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("n=%d: index %d called %d times, want 1", n, i, got)
			}
		}
	}
}
