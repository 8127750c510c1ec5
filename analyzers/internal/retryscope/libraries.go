package retryscope

import (
	"go/types"
	"strings"
)

// libFunc is one retry-library function whose func argument is retried.
type libFunc struct {
	// Name is the function's full name as types.Func.FullName prints it
	// (generic functions without type arguments).
	Name string
	// Arg is the index of the retried func argument.
	Arg int
	// Mechanism names the retry in messages.
	Mechanism string
	// Activity: the func is a workflow activity that the engine's server
	// retries by policy; the call is no retry scope when the enclosing
	// function turns the policy off (activities.go).
	Activity bool
	// Options: the func is retried only when an option after it turns
	// retries on and is in sight (gax.Invoke's WithRetry; calloptions.go).
	Options bool
	// Safe: the library makes the repeat safe by design (it retries only
	// on a conflict, i.e. when the previous attempt did not apply); calls
	// of it are not retry scopes.
	Safe bool
}

// libraries is the table of retry-library functions, one entry per
// function. Periodic runners (wait.Until, wait.UntilWithContext,
// wait.JitterUntil, wait.Forever, wait.NonSlidingUntil) are deliberately
// absent: they run their function every period whatever it returns — a
// control loop, not a retry of a failed attempt — so a write inside them is
// a design decision, not a duplicate.
var libraries = []libFunc{
	// avast/retry-go (v2 import path, v3, v4).
	{Name: "github.com/avast/retry-go.Do", Arg: 0, Mechanism: "retry.Do (avast/retry-go)"},
	{Name: "github.com/avast/retry-go/v3.Do", Arg: 0, Mechanism: "retry.Do (avast/retry-go)"},
	{Name: "github.com/avast/retry-go/v4.Do", Arg: 0, Mechanism: "retry.Do (avast/retry-go)"},
	{Name: "github.com/avast/retry-go/v4.DoWithData", Arg: 0, Mechanism: "retry.DoWithData (avast/retry-go)"},

	// cenkalti/backoff v4 and v5.
	{Name: "github.com/cenkalti/backoff/v4.Retry", Arg: 0, Mechanism: "backoff.Retry"},
	{Name: "github.com/cenkalti/backoff/v4.RetryNotify", Arg: 0, Mechanism: "backoff.RetryNotify"},
	{Name: "github.com/cenkalti/backoff/v4.RetryWithData", Arg: 0, Mechanism: "backoff.RetryWithData"},
	{Name: "github.com/cenkalti/backoff/v4.RetryNotifyWithData", Arg: 0, Mechanism: "backoff.RetryNotifyWithData"},
	{Name: "github.com/cenkalti/backoff/v4.RetryNotifyWithTimer", Arg: 0, Mechanism: "backoff.RetryNotifyWithTimer"},
	{Name: "github.com/cenkalti/backoff/v5.Retry", Arg: 1, Mechanism: "backoff.Retry"},
	{Name: "github.com/cenkalti/backoff.Retry", Arg: 0, Mechanism: "backoff.Retry"},
	{Name: "github.com/cenkalti/backoff.RetryNotify", Arg: 0, Mechanism: "backoff.RetryNotify"},

	// sethvargo/go-retry.
	{Name: "github.com/sethvargo/go-retry.Do", Arg: 2, Mechanism: "retry.Do (sethvargo/go-retry)"},
	{Name: "github.com/sethvargo/go-retry.DoValue", Arg: 2, Mechanism: "retry.DoValue (sethvargo/go-retry)"},

	// Terraform providers' retry helpers (terraform-plugin-sdk v2's
	// helper/retry, and the older helper/resource of v1, v2 and Terraform
	// itself): the function goes round only when it returns
	// RetryableError(err).
	{Name: "github.com/hashicorp/terraform-plugin-sdk/v2/helper/retry.RetryContext", Arg: 2, Mechanism: "retry.RetryContext (terraform-plugin-sdk)"},
	{Name: "github.com/hashicorp/terraform-plugin-sdk/v2/helper/retry.Retry", Arg: 1, Mechanism: "retry.Retry (terraform-plugin-sdk)"},
	{Name: "github.com/hashicorp/terraform-plugin-sdk/v2/helper/resource.RetryContext", Arg: 2, Mechanism: "resource.RetryContext (terraform-plugin-sdk)"},
	{Name: "github.com/hashicorp/terraform-plugin-sdk/v2/helper/resource.Retry", Arg: 1, Mechanism: "resource.Retry (terraform-plugin-sdk)"},
	{Name: "github.com/hashicorp/terraform-plugin-sdk/helper/resource.Retry", Arg: 1, Mechanism: "resource.Retry (terraform-plugin-sdk)"},
	// Before the SDK split (Terraform 0.11 and earlier) providers imported
	// the same helper from Terraform itself.
	{Name: "github.com/hashicorp/terraform/helper/resource.Retry", Arg: 1, Mechanism: "resource.Retry (terraform helper/resource)"},

	// k8s.io/apimachinery/pkg/util/wait: backoff and poll loops repeat the
	// condition until it reports done.
	{Name: "k8s.io/apimachinery/pkg/util/wait.ExponentialBackoff", Arg: 1, Mechanism: "wait.ExponentialBackoff"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.ExponentialBackoffWithContext", Arg: 2, Mechanism: "wait.ExponentialBackoffWithContext"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.Poll", Arg: 2, Mechanism: "wait.Poll"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollImmediate", Arg: 2, Mechanism: "wait.PollImmediate"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollInfinite", Arg: 1, Mechanism: "wait.PollInfinite"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollImmediateInfinite", Arg: 1, Mechanism: "wait.PollImmediateInfinite"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollUntil", Arg: 1, Mechanism: "wait.PollUntil"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollImmediateUntil", Arg: 1, Mechanism: "wait.PollImmediateUntil"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollWithContext", Arg: 3, Mechanism: "wait.PollWithContext"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollImmediateWithContext", Arg: 3, Mechanism: "wait.PollImmediateWithContext"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollUntilContextTimeout", Arg: 4, Mechanism: "wait.PollUntilContextTimeout"},
	{Name: "k8s.io/apimachinery/pkg/util/wait.PollUntilContextCancel", Arg: 3, Mechanism: "wait.PollUntilContextCancel"},

	// k8s.io/client-go/util/retry.
	{Name: "k8s.io/client-go/util/retry.OnError", Arg: 2, Mechanism: "retry.OnError (client-go)"},
	// RetryOnConflict retries only on a 409 Conflict from an update
	// carrying a resourceVersion: the previous attempt did not apply.
	{Name: "k8s.io/client-go/util/retry.RetryOnConflict", Arg: 1, Safe: true},

	// Temporal schedules activities (and local activities) that its server
	// runs again after an error or a timeout, without a limit by default.
	// Google's generated Cloud clients call every RPC through gax.Invoke,
	// with the method's default call options.
	{Name: "github.com/googleapis/gax-go/v2.Invoke", Arg: 1, Options: true, Mechanism: "gax.Invoke with a retrying call option (Google Cloud client)"},

	{Name: "go.temporal.io/sdk/workflow.ExecuteActivity", Arg: 1, Activity: true, Mechanism: "workflow.ExecuteActivity (Temporal retries a failed or timed-out activity by default)"},
	{Name: "go.temporal.io/sdk/workflow.ExecuteLocalActivity", Arg: 1, Activity: true, Mechanism: "workflow.ExecuteLocalActivity (Temporal retries a failed or timed-out activity by default)"},

	// CockroachDB's transaction helpers retry only before COMMIT and report
	// an ambiguous commit instead of retrying it.
	{Name: "github.com/cockroachdb/cockroach-go/v2/crdb.ExecuteTx", Arg: 3, Safe: true},
	{Name: "github.com/cockroachdb/cockroach-go/v2/crdb.ExecuteInTx", Arg: 2, Safe: true},
	{Name: "github.com/cockroachdb/cockroach-go/v2/crdb/crdbpgx.ExecuteTx", Arg: 3, Safe: true},
	{Name: "github.com/cockroachdb/cockroach-go/v2/crdb/crdbpgxv5.ExecuteTx", Arg: 3, Safe: true},
	{Name: "github.com/cockroachdb/cockroach-go/v2/crdb/crdbsqlx.ExecuteTx", Arg: 3, Safe: true},
	{Name: "github.com/cockroachdb/cockroach-go/v2/crdb/crdbgorm.ExecuteTx", Arg: 3, Safe: true},
}

// libKey identifies a package-level function by package path and name,
// so that a call can be looked up without building its full name.
type libKey struct{ pkg, name string }

// libraryIndex maps the table's functions to their entries.
func libraryIndex() map[libKey]libFunc {
	m := make(map[libKey]libFunc, len(libraries))
	for _, l := range libraries {
		i := strings.LastIndex(l.Name, ".") // function names hold no dot; package paths may
		m[libKey{pkg: l.Name[:i], name: l.Name[i+1:]}] = l
	}
	return m
}

// lookupLibrary finds fn in the index built by libraryIndex. The table
// holds package-level functions only, so methods never match; a vendored
// copy of a library matches like the library itself.
func lookupLibrary(libs map[libKey]libFunc, fn *types.Func) (libFunc, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return libFunc{}, false
	}
	l, ok := libs[libKey{pkg: unvendor(fn.Pkg().Path()), name: fn.Name()}]
	return l, ok
}

// unvendor removes a vendor prefix from an import path
// ("example.com/app/vendor/github.com/x/y" → "github.com/x/y").
func unvendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return path
}
