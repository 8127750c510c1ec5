// Package middleware is an in-memory middleware stack of a cloud SDK: every
// operation inserts its serializers and signers into a fresh stack, then
// runs the stack's handler chain, which ends in the transport.
package middleware

import (
	"context"
	"errors"
)

// Handler is one link of the chain; the last one sends the request.
type Handler interface {
	Handle(ctx context.Context, in any) (any, error)
}

type Middleware interface {
	ID() string
	HandleMiddleware(ctx context.Context, in any, next Handler) (any, error)
}

type RelativePosition int

const (
	Before RelativePosition = iota
	After
)

// Step is one phase of the stack (initialize, serialize, build, finalize).
type Step struct {
	ids   map[string]int
	order []Middleware
}

func NewStep() *Step { return &Step{ids: map[string]int{}} }

// Insert puts m before or after the middleware named relativeTo.
func (s *Step) Insert(m Middleware, relativeTo string, pos RelativePosition) error {
	i, ok := s.ids[relativeTo]
	if !ok {
		return errors.New("middleware not found: " + relativeTo)
	}
	if pos == After {
		i++
	}
	s.order = append(s.order[:i], append([]Middleware{m}, s.order[i:]...)...)
	s.reindex()
	return nil
}

// Add appends m at the end of the step.
func (s *Step) Add(m Middleware, pos RelativePosition) error {
	if _, dup := s.ids[m.ID()]; dup {
		return errors.New("duplicate middleware: " + m.ID())
	}
	s.order = append(s.order, m)
	s.reindex()
	return nil
}

func (s *Step) reindex() {
	for i, m := range s.order {
		s.ids[m.ID()] = i
	}
}

type Stack struct {
	Serialize *Step
	Finalize  *Step
}

func NewStack() *Stack { return &Stack{Serialize: NewStep(), Finalize: NewStep()} }
