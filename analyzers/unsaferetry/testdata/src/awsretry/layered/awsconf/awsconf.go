// Package awsconf builds the program's AWS configuration, retries set.
package awsconf

import "github.com/aws/aws-sdk-go-v2/aws"

func Config(region string, attempts int) aws.Config {
	return aws.Config{Region: region, RetryMaxAttempts: attempts}
}
