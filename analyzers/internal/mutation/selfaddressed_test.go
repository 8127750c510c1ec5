package mutation

import "testing"

func TestSelfAddressedPOST(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/api/v0/ipfs/add", true},
		{"/ipfs/add", true},
		{"/api/v0/add", true},
		{"/api/v0/tx/submit", true},
		{"/cosmos/tx/v1beta1/txs/broadcast", true},
		{"/tx/send", true},
		{"/v1/addresses/add", false},    // an entry of a list, not content
		{"/v1/transactions", false},     // a payment API's create
		{"/v1/transfers/submit", false}, // submits a transfer the server numbers
		{"/add", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := SelfAddressedPOST(tt.path); got != tt.want {
			t.Errorf("SelfAddressedPOST(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
