// Package config is a stub of github.com/aws/aws-sdk-go-v2/config for
// analyzer tests.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type LoadOptions struct{ RetryMaxAttempts int }

type LoadOptionsFunc func(*LoadOptions) error

func WithRegion(v string) LoadOptionsFunc        { return nil }
func WithRetryMaxAttempts(v int) LoadOptionsFunc { return nil }
func WithRetryer(v func() aws.Retryer) LoadOptionsFunc {
	return nil
}

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	return aws.Config{}, nil
}
