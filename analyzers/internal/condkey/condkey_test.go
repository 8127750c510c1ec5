package condkey

import (
	"go/parser"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct {
		a        string
		aOutcome bool
		b        string
		bOutcome bool
		same     bool // the two conditions with their outcomes say the same
	}{
		{"!cfg.dryRun", true, "cfg.dryRun", false, true},
		{"!cfg.dryRun", true, "cfg.dryRun", true, false},
		{"err != nil", false, "err == nil", true, true},
		{"(!(x))", true, "x", false, true},
		{"a && b", true, "a && b", true, true},
		{"a && b", true, "b && a", true, false},
	}
	for _, tt := range tests {
		ea, err := parser.ParseExpr(tt.a)
		if err != nil {
			t.Fatal(err)
		}
		eb, err := parser.ParseExpr(tt.b)
		if err != nil {
			t.Fatal(err)
		}
		ka, oa := Key(ea, tt.aOutcome)
		kb, ob := Key(eb, tt.bOutcome)
		if got := ka == kb && oa == ob; got != tt.same {
			t.Errorf("%s (%v) vs %s (%v): same = %v, want %v (keys %q %v, %q %v)", tt.a, tt.aOutcome, tt.b, tt.bOutcome, got, tt.same, ka, oa, kb, ob)
		}
	}
}
