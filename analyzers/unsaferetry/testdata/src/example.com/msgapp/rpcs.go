package msgapp

import (
	"context"
	"time"

	"example.com/msglink"
)

// Management calls through the link's retrying RPC: the operation each
// message names decides what a repeat does.

func renewLock(ctx context.Context, l *msglink.Link, token string) error {
	msg := &msglink.Message{Value: token, ApplicationProperties: map[string]any{"operation": "com.example:renew-lock"}}
	_, err := l.RetryableRPC(ctx, 3, time.Second, msg)
	return err
}

func peekNext(ctx context.Context, l *msglink.Link) (*msglink.Message, error) {
	return l.RetryableRPC(ctx, 3, time.Second, &msglink.Message{ApplicationProperties: map[string]any{"operation": "com.example:peek-message"}})
}

func scheduleAt(ctx context.Context, l *msglink.Link, body []byte, at time.Time) error {
	msg := &msglink.Message{Value: body, ApplicationProperties: map[string]any{"operation": "com.example:schedule-message", "at": at}}
	_, err := l.RetryableRPC(ctx, 3, time.Second, msg) // want `message operation com.example:schedule-message is retried by Link.RetryableRPC, which sends it again inside a retry loop`
	return err
}

// doRPC wraps the retrying RPC in a retry of its own: its callers' messages
// are judged the same way.
func doRPC(ctx context.Context, l *msglink.Link, msg *msglink.Message) (*msglink.Message, error) {
	for attempt := 0; ; attempt++ {
		reply, err := l.RetryableRPC(ctx, 3, time.Second, msg)
		if err == nil || attempt == 5 {
			return reply, err
		}
		time.Sleep(time.Second)
	}
}

func cancelScheduled(ctx context.Context, l *msglink.Link, seq int64) error {
	_, err := doRPC(ctx, l, &msglink.Message{Value: seq, ApplicationProperties: map[string]any{"operation": "com.example:cancel-scheduled-message"}})
	return err
}

func addRule(ctx context.Context, l *msglink.Link, rule string) error {
	_, err := doRPC(ctx, l, &msglink.Message{Value: rule, ApplicationProperties: map[string]any{"operation": "com.example:add-rule"}}) // want `message operation com.example:add-rule is retried by msgapp.doRPC, which sends it again inside a retry loop`
	return err
}
