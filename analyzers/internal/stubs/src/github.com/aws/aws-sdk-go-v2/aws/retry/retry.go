// Package retry is a stub of github.com/aws/aws-sdk-go-v2/aws/retry for
// analyzer tests.
package retry

import "github.com/aws/aws-sdk-go-v2/aws"

type StandardOptions struct{ MaxAttempts int }

type Standard struct{ max int }

func (s *Standard) MaxAttempts() int { return s.max }

func NewStandard(fnOpts ...func(*StandardOptions)) *Standard { return &Standard{} }

func AddWithMaxAttempts(r aws.Retryer, max int) aws.Retryer { return r }
