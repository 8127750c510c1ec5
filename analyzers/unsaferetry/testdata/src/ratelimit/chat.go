package ratelimit

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// A chat bridge whose API client answers every call with a response and
// an error; the bridge goes round only when its rate-limit handler lets
// it, which it does only after a 429.

type ChatResponse struct {
	StatusCode int
	Reset      string
}

type ChatPost struct{ ID, Channel, Text string }

type ChatAPI interface {
	CreatePost(p *ChatPost) (*ChatPost, *ChatResponse, error)
}

type Bridge struct {
	api ChatAPI
}

// handleRateLimit sleeps and returns nil after a 429 only: any other
// answer is an error that ends the caller's loop.
func (b *Bridge) handleRateLimit(name string, resp *ChatResponse) error {
	if resp == nil {
		return fmt.Errorf("%s: no response", name)
	}
	if resp.StatusCode != 429 {
		return fmt.Errorf("%s: status %d", name, resp.StatusCode)
	}
	wait, err := strconv.Atoi(resp.Reset)
	if err != nil {
		return err
	}
	time.Sleep(time.Duration(wait) * time.Second)
	return nil
}

// handleBusy also lets the caller go round after a 503 or a lost answer.
func (b *Bridge) handleBusy(resp *ChatResponse) error {
	if resp != nil && resp.StatusCode != 429 && resp.StatusCode != 503 {
		return errors.New("not retryable")
	}
	time.Sleep(time.Second)
	return nil
}

// Post goes round only after a 429: silent.
func (b *Bridge) Post(channel, text string) (string, error) {
	p := &ChatPost{Channel: channel, Text: text}
	for {
		res, resp, err := b.api.CreatePost(p)
		if err == nil {
			return res.ID, nil
		}
		if err := b.handleRateLimit("CreatePost", resp); err != nil {
			return "", err
		}
	}
}

// PostPatiently also goes round with no response at all, which can
// follow a created post.
func (b *Bridge) PostPatiently(channel, text string) (string, error) {
	p := &ChatPost{Channel: channel, Text: text}
	for {
		res, resp, err := b.api.CreatePost(p) // want `ChatAPI.CreatePost .*inside a retry loop`
		if err == nil {
			return res.ID, nil
		}
		if err := b.handleBusy(resp); err != nil {
			return "", err
		}
	}
}
