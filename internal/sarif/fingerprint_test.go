package sarif

import "testing"

func TestFingerprints(t *testing.T) {
	type in struct {
		rule, uri, line string
		ok              bool
		message         string
	}
	base := in{"unsaferetry", "svc/orders/checkout.go", `	resp, err := http.Post(url, "application/json", body)`, true, "POST /orders inside retry.Do (line 44)"}
	tests := []struct {
		name string
		a, b in
		same bool
	}{
		{"same finding, other message wording and line numbers", base,
			in{base.rule, base.uri, base.line, true, "POST /orders inside a retry loop (line 90)"}, true},
		{"re-indented and re-spaced line", base,
			in{base.rule, base.uri, `resp,err:=http.Post(url,"application/json",body)`, true, base.message}, true},
		{"other rule", base, in{"resend", base.uri, base.line, true, base.message}, false},
		{"other file", base, in{base.rule, "svc/billing/checkout.go", base.line, true, base.message}, false},
		{"other line text", base, in{base.rule, base.uri, `resp, err := http.Put(url, "application/json", body)`, true, base.message}, false},
		{"unreadable line: message without line numbers", in{"duplicate-openapi-request", "deploy/app.yml", "", false, "retry enabled at deploy/app.yml:12 (line 3)"},
			in{"duplicate-openapi-request", "deploy/app.yml", "", false, "retry enabled at deploy/app.yml:40 (line 9)"}, true},
		{"unreadable line vs readable line", base, in{base.rule, base.uri, "", false, base.message}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewFingerprints().Next(tt.a.rule, tt.a.uri, tt.a.line, tt.a.ok, tt.a.message)
			b := NewFingerprints().Next(tt.b.rule, tt.b.uri, tt.b.line, tt.b.ok, tt.b.message)
			if (a == b) != tt.same {
				t.Errorf("fingerprints %s and %s: equal = %v, want %v", a, b, a == b, tt.same)
			}
			if len(a) != 32 {
				t.Errorf("fingerprint %q: want 32 hex digits", a)
			}
		})
	}
	// The same line twice in one run (two identical calls): distinct, and
	// each keeps its value from run to run.
	run := func() (string, string) {
		f := NewFingerprints()
		return f.Next(base.rule, base.uri, base.line, true, ""), f.Next(base.rule, base.uri, base.line, true, "")
	}
	first, second := run()
	again, _ := run()
	if first == second || first != again {
		t.Errorf("repeated line: %s, %s (again %s); want distinct and stable", first, second, again)
	}
}
