// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws for analyzer
// tests.
package aws

type Config struct{ Region string }

func String(v string) *string { return &v }
func ToString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
