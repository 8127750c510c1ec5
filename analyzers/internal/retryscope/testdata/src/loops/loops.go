// Package loops is a webhook dispatcher with hand-written retry loops, and
// loops that only look like them.
package loops

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type Event struct{ ID string }

type Response struct {
	StatusCode int
	NextToken  string
	Done       bool
}

type Dispatcher struct {
	maxRetries int
	events     chan Event
}

func NewDispatcher() *Dispatcher {
	d := &Dispatcher{events: make(chan Event)}
	d.maxRetries = 5
	return d
}

func (d *Dispatcher) writeEvent(ctx context.Context, e Event) error { return nil }
func (d *Dispatcher) writeRequest(ctx context.Context, e Event) (*Response, error) {
	return &Response{}, nil
}
func (d *Dispatcher) writeLog(msg string) {}
func (d *Dispatcher) status(ctx context.Context, id string) (*Response, error) {
	return &Response{}, nil
}
func (d *Dispatcher) list(ctx context.Context, token string) (*Response, error) {
	return &Response{}, nil
}
func (d *Dispatcher) writePage(ctx context.Context, token string) (*Response, error) {
	return &Response{}, nil
}
func retryable(err error) bool                                              { return true }
func (d *Dispatcher) tryLock(ctx context.Context, key string) (bool, error) { return true, nil }

var errTemporary = errors.New("temporary")

// Counter loop: success returns, failure sleeps and goes round.
func (d *Dispatcher) CounterLoop(ctx context.Context, e Event) error {
	var err error
	for attempt := 0; attempt < d.maxRetries; attempt++ {
		if err = d.writeEvent(ctx, e); err == nil { // want "retried by a retry loop"
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// Infinite loop with break on success.
func (d *Dispatcher) BreakOnSuccess(ctx context.Context, e Event) {
	for {
		err := d.writeEvent(ctx, e) // want "retried by a retry loop"
		if err == nil {
			break
		}
		d.writeLog("retrying") // after the attempt: not repeated with the write
		time.Sleep(time.Second)
	}
}

// Failure continues (with a select on ctx.Done), success returns.
func (d *Dispatcher) ContinueOnFailure(ctx context.Context, e Event) (*Response, error) {
	for i := 0; i < 5; i++ {
		resp, err := d.writeRequest(ctx, e) // want "retried by a retry loop"
		if err != nil {
			if !retryable(err) {
				return nil, err
			}
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(time.Second):
			}
			continue
		}
		return resp, nil
	}
	return nil, errTemporary
}

// Status-driven: 5xx goes round again.
func (d *Dispatcher) StatusDriven(ctx context.Context, e Event) error {
	for i := 0; i < 3; i++ {
		d.writeLog("attempt")               // want "retried by a retry loop"
		resp, err := d.writeRequest(ctx, e) // want "retried by a retry loop"
		if err != nil {
			continue
		}
		if resp.StatusCode >= http.StatusInternalServerError {
			continue
		}
		return nil
	}
	return errTemporary
}

// Labeled continue from a switch.
func (d *Dispatcher) LabeledSwitch(ctx context.Context, e Event) error {
retry:
	for i := 0; ; i++ {
		err := d.writeEvent(ctx, e) // want "retried by a retry loop"
		switch {
		case err == nil:
			return nil
		case errors.Is(err, errTemporary) && i < 3:
			time.Sleep(time.Second)
			continue retry
		default:
			return err
		}
	}
}

// The loop condition tests the error.
func (d *Dispatcher) ConditionLoop(ctx context.Context, e Event) error {
	err := d.writeEvent(ctx, e) // the first attempt runs once
	for i := 0; err != nil && i < 3; i++ {
		time.Sleep(time.Second)
		err = d.writeEvent(ctx, e) // want "retried by a retry loop"
	}
	return err
}

// Acquire spins until a lock is taken: a boolean result drives the loop.
func (d *Dispatcher) Acquire(ctx context.Context, e Event) {
	for {
		d.writeLog("acquiring") // want "retried by a retry loop"
		ok, err := d.tryLock(ctx, e.ID)
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// PollHelper is a hand-written poll: not done goes round again.
func PollHelper(ctx context.Context, fn func(context.Context) (bool, error)) error {
	for i := 0; i < 10; i++ {
		done, err := fn(ctx)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errTemporary
}

// UsePoll: PollHelper is a helper (a fact) retrying its func argument.
func (d *Dispatcher) UsePoll(ctx context.Context, e Event) error {
	return PollHelper(ctx, func(ctx context.Context) (bool, error) {
		return d.writeEvent(ctx, e) == nil, nil // want "retried by loops.PollHelper \\(retries its func argument\\)"
	})
}

// Stream sends while sending succeeds: a stream, not a retry.
func (d *Dispatcher) Stream(ctx context.Context, e Event) error {
	var err error
	for err == nil {
		err = d.writeEvent(ctx, e)
	}
	return err
}

// Range over a fixed list of delays is a retry loop too.
func (d *Dispatcher) DelayList(ctx context.Context, e Event) error {
	for _, delay := range []time.Duration{time.Second, 2 * time.Second} {
		if err := d.writeEvent(ctx, e); err == nil { // want "retried by a retry loop"
			return nil
		}
		time.Sleep(delay)
	}
	return errTemporary
}

// Recursion with an attempts counter.
func (d *Dispatcher) send(ctx context.Context, e Event, attempt int) error {
	d.writeLog("sending")       // want "retried by Dispatcher.send, which calls itself again with attempt\\+1 after a failure"
	err := d.writeEvent(ctx, e) // want "retried by Dispatcher.send, which calls itself again with attempt\\+1 after a failure"
	if err != nil && attempt < d.maxRetries {
		time.Sleep(time.Second)
		return d.send(ctx, e, attempt+1)
	}
	return err
}

// Not retries.

// Each iteration sends a different event.
func (d *Dispatcher) RangeItems(ctx context.Context, events []Event) error {
	for _, e := range events {
		if err := d.writeEvent(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// A counter used in the request: distinct requests, even though success
// returns.
func (d *Dispatcher) Failover(ctx context.Context, events []Event) error {
	for i := 0; i < len(events); i++ {
		if err := d.writeEvent(ctx, events[i]); err == nil {
			return nil
		}
	}
	return errTemporary
}

// Pagination: failure exits, the cursor advances.
func (d *Dispatcher) Paginate(ctx context.Context) error {
	token := ""
	for {
		resp, err := d.writePage(ctx, token)
		if err != nil {
			return err
		}
		if resp.NextToken == "" {
			break
		}
		token = resp.NextToken
	}
	return nil
}

// Pagination that retries a failed page: the cursor advances from the
// response, so each request asks for something different.
func (d *Dispatcher) PaginateWithRetry(ctx context.Context) error {
	token := ""
	for {
		resp, err := d.writePage(ctx, token)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		token = resp.NextToken
		if token == "" {
			return nil
		}
	}
}

// Upload resumes after the bytes the server accepted: each attempt sends
// the rest, not the same bytes again.
func (d *Dispatcher) Upload(ctx context.Context, data []byte) error {
	for {
		n, err := d.writeChunk(ctx, data)
		if err == nil && n == len(data) {
			return nil
		}
		data = data[n:]
		time.Sleep(time.Second)
	}
}

// A retry that rebuilds its request on every attempt is still a retry.
func (d *Dispatcher) Rebuild(ctx context.Context, id string) error {
	var e Event
	for i := 0; i < 3; i++ {
		e = Event{ID: id}
		if err := d.writeEvent(ctx, e); err == nil { // want "retried by a retry loop"
			return nil
		}
	}
	return errTemporary
}

// Polling a status: failure exits.
func (d *Dispatcher) Poll(ctx context.Context, id string) error {
	for {
		resp, err := d.status(ctx, id)
		if err != nil {
			return err
		}
		if resp.Done {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// A consumer loop: success does not leave the loop.
func (d *Dispatcher) Consume(ctx context.Context) {
	for {
		e := <-d.events
		if err := d.writeEvent(ctx, e); err != nil {
			d.writeLog(err.Error())
			continue
		}
	}
}

func (d *Dispatcher) ConsumeRange(ctx context.Context) {
	for e := range d.events {
		for i := 0; i < 3; i++ {
			if err := d.writeEvent(ctx, e); err == nil { // want "retried by a retry loop"
				break
			}
		}
	}
}

// A worker that logs failures and moves on.
func (d *Dispatcher) Worker(ctx context.Context, e Event) {
	for i := 0; i < 10; i++ {
		err := d.writeEvent(ctx, e)
		if err != nil {
			d.writeLog(err.Error())
		}
	}
}

// Recursion over pages is not a retry.
func (d *Dispatcher) walk(ctx context.Context, token string, page int) error {
	resp, err := d.writePage(ctx, token)
	if err != nil || resp.NextToken == "" {
		return err
	}
	return d.walk(ctx, resp.NextToken, page+1)
}

func (d *Dispatcher) writeChunk(ctx context.Context, b []byte) (int, error) { return len(b), nil }

// JoinedExit leaves on success or when the attempts are used up, in one
// condition.
func (d *Dispatcher) JoinedExit(ctx context.Context, e Event) error {
	for i := 0; ; i++ {
		err := d.writeEvent(ctx, e) // want "retried by a retry loop"
		if err == nil || i == d.maxRetries {
			return err
		}
	}
}

// FirstAttemptGuard runs the first attempt through a guard in the loop
// condition.
func (d *Dispatcher) FirstAttemptGuard(ctx context.Context, e Event) error {
	var err error
	for tries := 0; tries == 0 || err != nil && tries < 3; tries++ {
		err = d.writeEvent(ctx, e) // want "retried by a retry loop"
	}
	return err
}

// FirstFlag uses a boolean flag as the guard.
func (d *Dispatcher) FirstFlag(ctx context.Context, e Event) error {
	var err error
	for first := true; first || err != nil; first = false {
		err = d.writeEvent(ctx, e) // want "retried by a retry loop"
	}
	return err
}

// DrainOrFail sends a different item on each iteration (and the other
// operand of || is not a first-attempt guard): not a retry.
func (d *Dispatcher) DrainOrFail(ctx context.Context, events []Event) error {
	var err error
	for i := 0; i < len(events) || err != nil; i++ {
		err = d.writeEvent(ctx, events[i])
	}
	return err
}

// ServerErrorsAgain returns on the transport error and goes round again
// on a 5xx.
func (d *Dispatcher) ServerErrorsAgain(ctx context.Context, e Event) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := d.writeRequest(ctx, e) // want "retried by a retry loop"
		if err != nil {
			return err
		}
		if 500 > resp.StatusCode {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("unavailable")
}

// NestedStatus leaves only when the send worked and the status is below
// 500: a timeout or a 5xx goes round again.
func (d *Dispatcher) NestedStatus(ctx context.Context, e Event) error {
	for attempt := 1; attempt <= 5; attempt++ {
		resp, err := d.writeRequest(ctx, e) // want "retried by a retry loop"
		if err == nil {
			d.log(resp)
			if resp.StatusCode < 500 {
				return nil
			}
		}
		time.Sleep(time.Second)
	}
	return errors.New("undelivered")
}

// NestedLogOnly tests the status inside the success branch but never
// leaves on it: the loop sends each attempt regardless (a counter loop).
func (d *Dispatcher) NestedLogOnly(ctx context.Context, e Event) {
	for attempt := 1; attempt <= 5; attempt++ {
		resp, err := d.writeRequest(ctx, e)
		if err == nil {
			if resp.StatusCode < 500 {
				d.log(resp)
			}
		}
	}
}

// ExpectFailures sends until it has seen twenty failures; a success
// aborts the program. Nothing here retries until success.
func (d *Dispatcher) ExpectFailures(ctx context.Context, e Event) {
	for i := 0; i < 20; i++ {
		if _, err := d.writeRequest(ctx, e); err == nil {
			panic("expected the server to refuse")
		}
	}
}

// OnlyThrottled goes round again only on 429: the server refused the
// request without executing it.
func (d *Dispatcher) OnlyThrottled(ctx context.Context, e Event) error {
	for {
		resp, err := d.writeRequest(ctx, e)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
}

// StatusSwitch switches on the status: 2xx returns, 502/503 go round.
func (d *Dispatcher) StatusSwitch(ctx context.Context, e Event) error {
	for i := 0; i < 3; i++ {
		resp, err := d.writeRequest(ctx, e) // want "retried by a retry loop"
		if err != nil {
			return err
		}
		switch resp.StatusCode {
		case http.StatusOK, http.StatusCreated:
			return nil
		case http.StatusBadGateway, http.StatusServiceUnavailable:
			time.Sleep(time.Second)
		default:
			return errors.New("rejected")
		}
	}
	return errors.New("unavailable")
}

// StatusSwitchThrottled goes round only on 429: not a repeat of an
// executed request.
func (d *Dispatcher) StatusSwitchThrottled(ctx context.Context, e Event) error {
	for {
		resp, err := d.writeRequest(ctx, e)
		if err != nil {
			return err
		}
		switch resp.StatusCode {
		case http.StatusOK:
			return nil
		case http.StatusTooManyRequests:
			time.Sleep(time.Second)
			continue
		case http.StatusInternalServerError, http.StatusBadGateway:
			return errors.New("server error")
		default:
			return errors.New("rejected")
		}
	}
}

func (d *Dispatcher) log(*Response) {}
