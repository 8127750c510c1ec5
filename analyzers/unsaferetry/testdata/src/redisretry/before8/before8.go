// Package before8 uses go-redis before v8, where MaxRetries 0 (the
// default) means no retries: a count passed on from its users' settings
// retries only when a user sets one, which twice cannot know, so its
// commands are not reported; a constant count above zero is the
// package's own choice and is.
package before8

import "github.com/go-redis/redis/v7"

type Settings struct {
	Addr       string
	MaxRetries int
}

func Enqueue(s Settings, queue, id string) error {
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr, MaxRetries: s.MaxRetries})
	return rdb.RPush(queue, id).Err()
}
