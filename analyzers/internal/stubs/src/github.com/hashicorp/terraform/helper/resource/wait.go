// Package resource is a stub of
// github.com/hashicorp/terraform/helper/resource (Terraform 0.11, before
// the plugin SDK split) for analyzer tests: the real signatures of the
// functions twice matches. The real Retry polls in a goroutine through a
// state-change waiter, so its body shows no loop over f.
package resource

import "time"

type RetryFunc func() *RetryError

type RetryError struct {
	Err       error
	Retryable bool
}

func RetryableError(err error) *RetryError    { return &RetryError{Err: err, Retryable: true} }
func NonRetryableError(err error) *RetryError { return &RetryError{Err: err} }

type StateRefreshFunc func() (result interface{}, state string, err error)

type StateChangeConf struct {
	Pending []string
	Target  []string
	Refresh StateRefreshFunc
	Timeout time.Duration
}

func (conf *StateChangeConf) WaitForState() (interface{}, error) {
	_, _, err := conf.Refresh()
	return nil, err
}

func Retry(timeout time.Duration, f RetryFunc) error {
	var resultErr error
	c := &StateChangeConf{
		Pending: []string{"retryableerror"},
		Target:  []string{"success"},
		Timeout: timeout,
		Refresh: func() (interface{}, string, error) {
			rerr := f()
			if rerr == nil {
				return 42, "success", nil
			}
			resultErr = rerr.Err
			if rerr.Retryable {
				return 42, "retryableerror", nil
			}
			return nil, "quit", rerr.Err
		},
	}
	_, err := c.WaitForState()
	if err != nil {
		return err
	}
	return resultErr
}
