// Package jobs runs background jobs on a worker that re-runs failed jobs.
// Submit only queues the job, so an analysis cannot see that the job is
// retried: the service declares it with -unsaferetry.retryfuncs.
package jobs

import "log"

type job struct {
	name string
	run  func() error
}

// Queue is a single-worker job queue.
type Queue struct {
	jobs chan job
}

// NewQueue starts the worker.
func NewQueue() *Queue {
	q := &Queue{jobs: make(chan job, 64)}
	go q.work()
	return q
}

// Submit queues run; the worker tries it up to three times.
func (q *Queue) Submit(name string, run func() error) {
	q.jobs <- job{name: name, run: run}
}

func (q *Queue) work() {
	for j := range q.jobs {
		for attempt := 1; attempt <= 3; attempt++ {
			err := j.run()
			if err == nil {
				break
			}
			log.Printf("job %s: attempt %d: %v", j.name, attempt, err)
		}
	}
}
