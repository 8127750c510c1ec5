package loops

import "log"

// An asynchronous sender: a goroutine drains a buffered queue of payloads
// and posts each one. On a temporary failure the payload goes back on the
// queue with one retry fewer left, so the post runs again for it — also
// when the server stored it and only the reply was lost.

type payload struct {
	body        map[string]any
	retriesLeft int
}

type AsyncSender struct {
	queue      chan payload
	deadLetter chan payload
	done       chan struct{}
}

func (s *AsyncSender) writePayload(body map[string]any) (temporary bool, err error) {
	return false, nil
}

// Start counts the retries left down and requeues without blocking.
func (s *AsyncSender) Start() {
	go func() {
		for p := range s.queue {
			canRetry, err := s.writePayload(p.body) // want "retried by a requeue that puts the failed message back on s.queue with its attempt counter advanced"
			if err != nil {
				if canRetry && p.retriesLeft > 0 {
					p.retriesLeft -= 1
					select {
					case <-s.done:
						return
					case s.queue <- p:
					default:
						log.Printf("queue full, dropping payload")
					}
				}
			}
		}
	}()
}

// Drain hands a failed payload to a dead-letter queue: not put back.
func (s *AsyncSender) Drain() {
	for p := range s.queue {
		if _, err := s.writePayload(p.body); err != nil {
			p.retriesLeft--
			s.deadLetter <- p
		}
	}
}

// Forward passes each payload on after a success: a pipeline.
func (s *AsyncSender) Forward() {
	for p := range s.queue {
		if _, err := s.writePayload(p.body); err == nil {
			p.retriesLeft--
			s.deadLetter <- p
		}
	}
}
