package main

import (
	"fmt"
	"strconv"
)

// triState is a boolean flag that remembers whether it was set, like the
// x/tools driver's -NAME analyzer switches: any -NAME=true selects only the
// named analyzers, otherwise any -NAME=false deselects.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}

func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts *triState) IsBoolFlag() bool { return true }
