package configcheck

import "testing"

// A server-only key matches itself, its children and its indexed forms,
// never a longer key that merely starts with the same letters.
func TestIsPowerJobServerKey(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"oms.storage.dfs", true},
		{"oms.storage.dfs.mysqlseries.url", true},
		{"oms.storage.dfs[0]", true},
		{"spring.datasource.core.jdbcurl", true},
		{"oms.storage.dfsx", false},
		{"oms.storage", false},
		{"spring.datasource.corex.url", false},
		{"spring.datasource.url", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isPowerJobServerKey(tt.key); got != tt.want {
			t.Errorf("isPowerJobServerKey(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}
