package mutation

import "testing"

func TestURLPath(t *testing.T) {
	k := func(s string) piece { return piece{s: s, known: true, param: -1} }
	u := piece{param: -1}
	tests := []struct {
		name string
		in   []piece
		want string
	}{
		{"constant path", []piece{k("/v1/orders")}, "/v1/orders"},
		{"base URL dropped", []piece{u, k("/v1/orders")}, "/v1/orders"},
		{"id in the middle", []piece{u, k("/v1/orders/"), u, k("/refunds")}, "/v1/orders/{…}/refunds"},
		{"full URL", []piece{k("https://api.example.com/v1/pay?x=1")}, "/v1/pay"},
		{"host only", []piece{k("https://api.example.com")}, ""},
		{"nothing known", []piece{u}, ""},
		{"relative path", []piece{u, k("orders")}, "/orders"},
		{"adjacent unknowns", []piece{k("/a/"), u, u}, "/a/{…}"},
	}
	for _, tc := range tests {
		if got := urlPath(tc.in); got != tc.want {
			t.Errorf("%s: urlPath = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSQLText(t *testing.T) {
	k := func(s string) piece { return piece{s: s, known: true, param: -1} }
	u := piece{param: -1}
	if _, ok := sqlText([]piece{k("INSERT INTO t VALUES (1)"), u}); ok {
		t.Error("an unknown tail (maybe ON CONFLICT) was accepted")
	}
	got, ok := sqlText([]piece{k("INSERT INTO "), u, k(" VALUES (1)")})
	if !ok || got != "INSERT INTO "+sqlHole+" VALUES (1)" {
		t.Errorf("sqlText = %q, %v", got, ok)
	}
	if _, ok := sqlText(nil); ok {
		t.Error("empty text accepted")
	}
}
