package ratelimit

import "time"

// A bridge whose client reports a 429 as an error of its own type, and a
// filter that swallows that error (after waiting) and hands every other
// one back: the caller goes round only when the filter returned nil, so
// only after a refusal.

// RateLimitedError is the client's error for a 429.
type RateLimitedError struct{ RetryAfter time.Duration }

func (e *RateLimitedError) Error() string { return "rate limited" }

// TimeoutError is the client's error when no answer came in time.
type TimeoutError struct{}

func (e *TimeoutError) Error() string { return "timed out" }

// filterRateLimit returns nil after a rate limit, err otherwise.
func filterRateLimit(err error) error {
	rl, ok := err.(*RateLimitedError)
	if !ok {
		return err
	}
	time.Sleep(rl.RetryAfter)
	return nil
}

// filterTransient also swallows a timeout, after which the post may have
// been created.
func filterTransient(err error) error {
	switch err.(type) {
	case *RateLimitedError, *TimeoutError:
		time.Sleep(time.Second)
		return nil
	}
	return err
}

// Send goes round only when the filter swallowed a rate limit: silent.
func (b *Bridge) Send(channel, text string) (string, error) {
	p := &ChatPost{Channel: channel, Text: text}
	for {
		res, _, err := b.api.CreatePost(p)
		if err == nil {
			return res.ID, nil
		}
		if err = filterRateLimit(err); err != nil {
			return "", err
		}
	}
}

// SendPatiently goes round after a timeout too.
func (b *Bridge) SendPatiently(channel, text string) (string, error) {
	p := &ChatPost{Channel: channel, Text: text}
	for {
		res, _, err := b.api.CreatePost(p) // want `ChatAPI.CreatePost .*inside a retry loop`
		if err == nil {
			return res.ID, nil
		}
		if err = filterTransient(err); err != nil {
			return "", err
		}
	}
}

// SendChecked filters the error before it knows whether the attempt
// failed: a nil error comes back nil too, and the loop goes round on a
// 5xx answer, after which the post may exist.
func (b *Bridge) SendChecked(channel, text string) error {
	p := &ChatPost{Channel: channel, Text: text}
	for {
		_, resp, err := b.api.CreatePost(p) // want `ChatAPI.CreatePost .*inside a retry loop`
		if err = filterRateLimit(err); err != nil {
			return err
		}
		if resp != nil && resp.StatusCode < 500 {
			return nil
		}
	}
}
