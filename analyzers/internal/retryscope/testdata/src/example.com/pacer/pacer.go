// Package pacer paces calls to a remote API and retries an operation for
// as long as the operation's verdict asks for it.
package pacer

import (
	"sync"
	"time"
)

// Op is one attempt: it reports whether it should be tried again, and
// its error.
type Op func() (retry bool, err error)

// Pacer spaces attempts and bounds their number.
type Pacer struct {
	mu    sync.Mutex
	tries int
	sleep time.Duration
	// invoke runs one attempt; tests replace it to count attempts.
	invoke func(try, tries int, op Op) (bool, error)
}

// New returns a pacer that makes up to tries attempts.
func New(tries int) *Pacer {
	return &Pacer{tries: tries, sleep: 10 * time.Millisecond, invoke: runOnce}
}

func runOnce(try, tries int, op Op) (bool, error) { return op() }

// run makes up to tries attempts of op, while op asks for another.
func (p *Pacer) run(op Op, tries int) error {
	var retry bool
	var err error
	for i := 1; i <= tries; i++ {
		retry, err = p.invoke(i, tries, op)
		if !retry {
			break
		}
		time.Sleep(p.sleep)
	}
	return err
}

// Call retries op up to the pacer's number of attempts.
func (p *Pacer) Call(op Op) error {
	p.mu.Lock()
	tries := p.tries
	p.mu.Unlock()
	return p.run(op, tries)
}

// CallOnce paces op but never retries it: one attempt.
func (p *Pacer) CallOnce(op Op) error {
	return p.run(op, 1)
}

// Poll repeats op while it reports it is not finished (ok == false):
// a boolean that is not a retry verdict.
func Poll(op func() (ok bool, err error)) error {
	for {
		ok, err := op()
		if ok || err != nil {
			return err
		}
		time.Sleep(time.Millisecond)
	}
}
