package mutation

import "testing"

func TestMemberActionPOST(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/projects/{…}/archive", true},
		{"/projects/{…}/issues/{…}/subscribe", true},
		{"/projects/{…}/deploy_keys/{…}/enable", true},
		{"/v1/payment_intents/{…}/cancel", true},
		{"/v1/dynamic-secrets/leases/{…}/renew", true},
		{"/v1/certificates/{…}/revoke", true},
		{"/users/{…}/unblock/", true},
		{"/users/{…}/unblock?force=true", true},
		{"/projects/{…}/jobs/{…}/retry", false},     // a new job each time
		{"/projects/{…}/commits/{…}/revert", false}, // a new commit
		{"/v1/charges/{…}/refund", false},           // a refund each time
		{"/tokens/{…}/rotate", false},               // a new token
		{"/projects/{…}/issues/{…}/notes", false},   // a collection
		{"/newsletter/subscribe", false},            // no member
		{"/projects/{…}/archive-and-notify", false}, // acts as well
		{"/projects/{…}/{…}", false},                // unknown last segment
		{"archive", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := MemberActionPOST(tt.path); got != tt.want {
			t.Errorf("MemberActionPOST(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
