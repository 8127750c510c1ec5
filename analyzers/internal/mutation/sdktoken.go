package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// Idempotency tokens an SDK fills in. The AWS SDKs give an operation whose
// input has an idempotency-token member (ClientToken) a fresh token when
// the caller leaves it empty, and write it into the caller's input struct.
// A retry that passes the same input struct again sends the same token,
// and the service answers the repeat with the first result (or
// IdempotentParameterMismatch) instead of creating a second instance. A
// retry that builds a new input on each attempt gets a new token each
// time, which protects nothing.

// sdkTokenPackages are the path prefixes of SDK packages whose operation
// inputs get such tokens.
var sdkTokenPackages = []string{"github.com/aws/aws-sdk-go-v2/service/", "github.com/aws/aws-sdk-go/service/"}

// sdkTokenFields name the members the SDKs fill.
var sdkTokenFields = []string{"ClientToken", "IdempotencyToken", "ClientRequestToken"}

// sdkFilledTokens returns a key for each argument of call that is a
// pointer to an SDK input with an idempotency-token member: produced where
// the struct is made, so that a struct made before the retry is one
// token for every attempt, and one made inside the retry a new token per
// attempt.
func (c *Classifier) sdkFilledTokens(call *ast.CallExpr) []Key {
	var keys []Key
	for _, arg := range call.Args {
		field := sdkTokenField(c.pass.TypesInfo.TypeOf(arg))
		if field == "" {
			continue
		}
		origin, _ := c.origin(arg, 0) // where the struct is made: the call, or the variable's value
		keys = append(keys, Key{Name: field + " (filled by the SDK into the input)", At: arg, Value: arg, Origin: origin, Fresh: true})
	}
	return keys
}

// sdkTokenField returns the idempotency-token member of a pointer to an
// SDK operation input, or "".
func sdkTokenField(t types.Type) string {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !hasAnyPrefix(n.Obj().Pkg().Path(), sdkTokenPackages) {
		return ""
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		for _, name := range sdkTokenFields {
			if st.Field(i).Name() == name {
				return name
			}
		}
	}
	return ""
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
