// Command relaycmd forwards lines to an endpoint, retrying failures. Its
// interfaces are declared in package main, which nothing can import, so
// their implementations here are all of them: calls are judged by those
// bodies, not by the methods' names.
package main

import (
	"bytes"
	"errors"
	"flag"
	"net/http"
	"os"
	"time"
)

// Publisher delivers a line to an address.
type Publisher interface {
	Publish(addr string, msg []byte) error
}

type PostPublisher struct{}

func (PostPublisher) Publish(addr string, msg []byte) error {
	resp, err := http.Post(addr, "text/plain", bytes.NewReader(msg))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type GetPublisher struct{}

func (GetPublisher) Publish(addr string, msg []byte) error {
	resp, err := http.Get(addr + "?line=" + string(msg))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Spool keeps lines that could not be delivered.
type Spool interface {
	Append(line []byte) error
}

// memSpool appends to a slice: nothing remote, whatever the name says.
type memSpool struct{ lines [][]byte }

func (s *memSpool) Append(line []byte) error {
	s.lines = append(s.lines, line)
	return nil
}

var errGaveUp = errors.New("gave up")

func forward(p Publisher, addr string, line []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		if err := p.Publish(addr, line); err == nil { // want `Publisher.Publish \(POST request in PostPublisher.Publish\) inside a retry loop`
			return nil
		}
		time.Sleep(time.Second)
	}
	return errGaveUp
}

func keep(s Spool, line []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		if err := s.Append(line); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errGaveUp
}

func main() {
	post := flag.Bool("post", true, "deliver with POST")
	flag.Parse()
	var p Publisher = GetPublisher{}
	if *post {
		p = PostPublisher{}
	}
	if err := forward(p, flag.Arg(0), []byte(flag.Arg(1))); err != nil {
		_ = keep(&memSpool{}, []byte(flag.Arg(1)))
		os.Exit(1)
	}
}
