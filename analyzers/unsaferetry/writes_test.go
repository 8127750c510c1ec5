package unsaferetry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// TestWhichCallsWrite covers deciding which calls are writes: bodies
// judged instead of names, reads sent as POST, and helpers that retry a
// request whose method their callers pass. Each fixture holds reported and
// silent cases shaped like real SDKs and service code.
func TestWhichCallsWrite(t *testing.T) {
	tests := []struct {
		name string
		pkg  string
	}{
		{"analyzed bodies: SDK middleware Insert, JSON AppendNumber, DNS SendQuery, local registries, encoders, unexported interfaces judged by their implementations", "bodies"},
		{"reads sent as POST: RPC operation names, search paths, OAuth2 token, ACME POST-as-GET, GraphQL queries", "readpost"},
		{"GraphQL mutations judged by their field (struct tags, documents), not by the reporter around them", "gqlstatus"},
		{"method as an argument: a retrying helper, wrappers, options structs, SQL text (callers passing writes reported)", "paramwrite"},
		{"the retrying helper's own package", "example.com/apiclient"},
		{"dedup headers: an event id or webhook-id made before the retry is evidence; a request id is not; a message id inside a payload encoded once is too", "dedupheader"},
		{"SDK cores: options passed by address (&opts) through a loop driven by a predicate's verdict variable (refusal-only predicates silent)", "sdkcore"},
		{"an SDK transport taking its own request struct: built by a method of the struct, sent by an attempt helper given the attempt number, looped on the attempt's result.Retry", "requeststruct"},
		{"a request value that retries itself: callers fill a request struct (uri, method, body) and call its method, which builds the request from its own fields and sends it through a retry helper driven by the attempt's (bool, error) verdict, with the verdict variable initialised to false: a POST create a check (its name or path says create; the API decides a repeat), a named one a check naming the name; GET, DELETE and PATCH silent", "requestrecv"},
		{"a request builder that keys every write it builds: the retried request carries the same key (silent); an unkeyed builder's is reported", "keyedbuilder"},
		{"creates judged by name: a caller-chosen name or id keys them; parents, fresh names, shared record names and drafts do not", "namedcreate"},
		{"request descriptions sent through an unseen adapter are judged by their Method (a ranged PUT and a GET silent; POST and PATCH reported; unknown silent)", "requestinfo"},
	}
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkg)
	}
	analysistest.Run(t, testenv.Testdata(t), withChecks(t), pkgs...)
}
