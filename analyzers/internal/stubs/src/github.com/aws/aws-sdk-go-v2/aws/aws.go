// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws for analyzer
// tests.
package aws

type Config struct {
	Region           string
	RetryMaxAttempts int
	Retryer          func() Retryer
}

// Retryer decides whether and when an operation is attempted again.
type Retryer interface {
	MaxAttempts() int
}

func String(v string) *string { return &v }
func ToString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
