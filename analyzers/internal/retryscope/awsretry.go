package retryscope

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// The AWS SDK for Go v2 retries an operation by itself: up to
// RetryMaxAttempts attempts (3 by default) after a 5xx, a throttle or a
// connection error, any of which can follow the operation's execution.
// Operations with an idempotency token get one token for all attempts,
// so they are safe; a message sent to SQS, SNS, Kinesis, Firehose or
// EventBridge has none, and a second attempt sends it again.
//
// Only the messaging services are judged this way: elsewhere the SDK's
// operations are judged by their names (a create of this or that), which
// is guesswork enough inside the program's own retries.
//
// As for Kafka and go-redis, the default alone is not reported: only an
// attempt count the package sets (aws.Config's or a client's
// RetryMaxAttempts, config.WithRetryMaxAttempts, retry.AddWithMaxAttempts,
// a standard retryer's MaxAttempts) above one, or to a value it passes
// on, makes the package's SDK calls retried. Which calls are writes is
// the mutation package's question.

const (
	awsSDKPrefix     = "github.com/aws/aws-sdk-go-v2/"
	awsServicePrefix = "github.com/aws/aws-sdk-go-v2/service/"
	awsRetryPkg      = "github.com/aws/aws-sdk-go-v2/aws/retry"
	awsConfigPkg     = "github.com/aws/aws-sdk-go-v2/config"
)

// awsMechanism is the mechanism of an AWS SDK client with retries set.
const awsMechanism = "the AWS SDK's retries (up to RetryMaxAttempts attempts, 3 by default; an operation answered with a 5xx or a dropped connection is sent again)"

// awsAttemptFields are the fields that hold an attempt count: aws.Config's
// and every service Options' RetryMaxAttempts, retry.StandardOptions'
// MaxAttempts.
var awsAttemptFields = []string{"RetryMaxAttempts", "MaxAttempts"}

// awsConfig is what a package configures on its AWS SDK clients.
type awsConfig struct{ packageRetry }

func newAWSConfig() awsConfig {
	return awsConfig{packageRetry{mechanism: awsMechanism, returns: ReturnsAWS}}
}

// inAWSSDK reports whether t (or *t) is a named type of the AWS SDK v2.
func inAWSSDK(t types.Type) bool {
	path, _ := typeName(t)
	return strings.HasPrefix(path, awsSDKPrefix)
}

// setsAttempts reports whether an attempt count is one the program chose
// that retries: a constant above one, or a value that is not constant
// (0 means the default of 3 attempts).
func setsAttempts(info *types.Info, e ast.Expr) bool {
	return info.Types[e].Value == nil || intAbove(info, e, 1)
}

// noteAssign records cfg.RetryMaxAttempts = n and o.MaxAttempts = n.
func (a *awsConfig) noteAssign(info *types.Info, lhs, rhs ast.Expr) {
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && slices.Contains(awsAttemptFields, sel.Sel.Name) && inAWSSDK(info.TypeOf(sel.X)) {
		a.set = a.set || setsAttempts(info, rhs)
	}
}

// noteComposite records aws.Config{RetryMaxAttempts: n}.
func (a *awsConfig) noteComposite(info *types.Info, cl *ast.CompositeLit) {
	if !inAWSSDK(info.TypeOf(cl)) {
		return
	}
	for _, v := range keyedValues(cl, awsAttemptFields...) {
		a.set = a.set || setsAttempts(info, v)
	}
}

// noteCall records config.WithRetryMaxAttempts(n) and
// retry.AddWithMaxAttempts(r, n).
func (a *awsConfig) noteCall(info *types.Info, call *ast.CallExpr, fn *types.Func) {
	switch {
	case pkgOf(fn) == awsConfigPkg && fn.Name() == "WithRetryMaxAttempts" && len(call.Args) == 1:
		a.set = a.set || setsAttempts(info, call.Args[0])
	case pkgOf(fn) == awsRetryPkg && fn.Name() == "AddWithMaxAttempts" && len(call.Args) == 2:
		a.set = a.set || setsAttempts(info, call.Args[1])
	}
}

// awsMessagingServices are the SDK's services that carry messages.
var awsMessagingServices = map[string]bool{"sqs": true, "sns": true, "kinesis": true, "firehose": true, "eventbridge": true}

// isAWSOperation reports whether fn is an operation of an AWS SDK v2
// messaging service's client (a method of the service package's Client).
func isAWSOperation(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && messagingClient(typeName(recv.Type()))
}

// messagingClient reports whether the type pkg.name is the Client of an
// AWS SDK v2 messaging service.
func messagingClient(pkg, name string) bool {
	service, ok := strings.CutPrefix(pkg, awsServicePrefix)
	return ok && awsMessagingServices[service] && name == "Client"
}

// A program often loads its AWS configuration in one package and makes
// its clients in others. A function returning an aws.Config or a
// messaging client, in a package whose retries are set, is a maker of
// retrying clients (a RetryingClientFact with awsMechanism); a package
// that calls one judges its operations as if it had set them itself.

// ReturnsAWS reports whether fn returns an aws.Config or a client of a
// messaging service.
func ReturnsAWS(fn *types.Func) bool {
	res := fn.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		pkg, name := typeName(res.At(i).Type())
		if pkg == awsSDKPrefix+"aws" && name == "Config" || messagingClient(pkg, name) {
			return true
		}
	}
	return false
}
