package mutation

import "testing"

func TestReadOperation(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"getBlock", true},
		{"eth_getBlockByNumber", true},
		{"abci_query", true},
		{"Users.List", true},
		{"/pkg.v1.Orders/ListOrders", true},
		{"platform.getHeight", true},
		{"eth_sendRawTransaction", false},
		{"broadcast_tx_sync", false},
		{"Users.Create", false},
		{"getOrCreateWallet", false},
		{"eth_call", false}, // a read, but nothing in the name says so
		{"", false},
	}
	for _, tt := range tests {
		if got := readOperation(tt.name); got != tt.want {
			t.Errorf("readOperation(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
