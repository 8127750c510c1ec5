package unsaferetry

import (
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A write retried by a generated client's default call options (gax.Invoke
// with a gax.WithRetry the package sets as the method's default) is fixed
// where the defaults are, not around the call: the retry is taken out of
// the method's defaults, or a caller turns it off for one call with
// gax.WithRetry(nil). Google's APIs that deduplicate a create take a
// request id (AIP-155), and many let the caller choose the new resource's
// id: when the request has either, setting it makes the retry safe.

// optionsAdvice returns the fix for a write retried by call options, or ""
// when the scope's retry is not one.
func (r *reporter) optionsAdvice(s *retryscope.Scope) string {
	if s.ConstructorDefault {
		// optionclients.go: the constructor installs the retrying client
		return "install a client that does not retry writes in the constructor's defaults (a caller can pass its own through the same option), or send an Idempotency-Key header the API accepts"
	}
	if !s.DefaultOptionsRetry {
		return ""
	}
	advice := "take gax.WithRetry out of this method's default call options (a caller can turn it off for one call with gax.WithRetry(nil))"
	if keys := r.requestKeys(s); len(keys) > 0 {
		advice += ", or have callers set the request's " + strings.Join(keys, " or ") + ", so that the API can deduplicate or refuse a repeat"
	}
	return advice
}

// requestKeys returns the request fields through which callers of the
// scope's function make a repeat harmless (mutation.CallerKeys).
func (r *reporter) requestKeys(s *retryscope.Scope) []string {
	fn := r.declFunc(s.Encl)
	if fn == nil {
		return nil
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if keys := r.m.Classifier.CallerKeys(params.At(i).Type()); len(keys) > 0 {
			return keys
		}
	}
	return nil
}
