// Package growth checks, in tests, that a parser's cost grows linearly with
// its input: parsing an input twice as large may cost at most a generous
// factor more than twice as much. Cost is counted, not timed — bytes
// allocated and allocations made (runtime.MemStats), which a quadratic
// parser (an index rebuilt per line, a list copied per statement) inflates
// along with its running time — so the check does not depend on how busy
// the machine is.
package growth

import (
	"runtime"
	"testing"
)

// MaxRatio is the largest cost ratio accepted between an input and one of
// twice its size. Linear code gives about 2; quadratic code 4.
const MaxRatio = 3.0

// Cost is what one parse allocated.
type Cost struct {
	Bytes, Allocs uint64
}

// Measure runs parse once and returns what it allocated. Allocations by
// other goroutines (there are none in a test of one parser) would count
// too.
func Measure(parse func()) Cost {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	parse()
	runtime.ReadMemStats(&after)
	return Cost{Bytes: after.TotalAlloc - before.TotalAlloc, Allocs: after.Mallocs - before.Mallocs}
}

// Linear fails t unless parsing gen(2n) costs at most MaxRatio times what
// parsing gen(n) costs, in bytes and in allocations. gen builds an input of
// n repetitions of some shape; n should make the input big enough (a few
// hundred kilobytes) that fixed costs do not dominate.
func Linear(t testing.TB, n int, gen func(n int) []byte, parse func(data []byte)) {
	t.Helper()
	small, large := gen(n), gen(2*n)
	parse(small) // warm up lazily initialised package state
	cs := Measure(func() { parse(small) })
	cl := Measure(func() { parse(large) })
	check := func(what string, s, l uint64) {
		t.Helper()
		if s == 0 {
			s = 1
		}
		if r := float64(l) / float64(s); r > MaxRatio {
			t.Errorf("%s: doubling the input (%d → %d bytes) multiplied %s by %.1f (limit %.1f): not linear",
				t.Name(), len(small), len(large), what, r, MaxRatio)
		}
	}
	check("bytes allocated", cs.Bytes, cl.Bytes)
	check("allocations", cs.Allocs, cl.Allocs)
}
