package unsaferetry

import (
	"go/types"

	"github.com/twice-lint/twice/analyzers/internal/retryscope"
)

// A write retried by a generated client's default call options (gax.Invoke
// with a gax.WithRetry the package sets as the method's default) is fixed
// where the defaults are, not around the call: the retry is taken out of
// the method's defaults, or a caller turns it off for one call with
// gax.WithRetry(nil). Google's APIs that deduplicate a create take a
// request id (AIP-155): when the request has one, setting it makes the
// retry safe.

// optionsAdvice returns the fix for a write retried by call options, or ""
// when the scope's retry is not one.
func (r *reporter) optionsAdvice(s *retryscope.Scope) string {
	if !s.DefaultOptionsRetry {
		return ""
	}
	advice := "take gax.WithRetry out of this method's default call options (a caller can turn it off for one call with gax.WithRetry(nil))"
	if field := r.requestIDField(s); field != "" {
		advice += ", or have callers set the request's " + field + ", which the API deduplicates on"
	}
	return advice
}

// requestIDField returns the request-id field of the request the scope's
// function is given (a parameter of a struct type with a RequestId), or "".
func (r *reporter) requestIDField(s *retryscope.Scope) string {
	fn := r.declFunc(s.Encl)
	if fn == nil {
		return ""
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for j := 0; j < st.NumFields(); j++ {
			if f := st.Field(j); f.Name() == "RequestId" || f.Name() == "RequestID" {
				return f.Name()
			}
		}
	}
	return ""
}
