package httpstatus

import (
	"go/token"
	"slices"
	"testing"
)

func TestSets(t *testing.T) {
	tests := []struct {
		name string
		set  Set
		want []int // a sample of members
		not  []int
	}{
		{"== 502", Where(token.EQL, 502), []int{502}, []int{500, 503}},
		{">= 500", Where(token.GEQ, 500), []int{500, 599}, []int{499, 200}},
		{"!= 200", Where(token.NEQ, 200), []int{201, 500}, []int{200}},
		{"/100 == 5", WhereScaled(token.EQL, 5, 100), []int{500, 599}, []int{499, 200}},
		{"not 2xx", Successes().Not(), []int{199, 300, 503}, []int{200, 299}},
		{"refusals", Refusals(), []int{401, 403, 407, 429}, []int{400, 404, 500}},
		{"401 and 5xx", Of(401).And(ServerErrors()), nil, []int{401, 500}},
		{"401 or 403", Of(401).Or(Of(403)), []int{401, 403}, []int{402}},
		{"out of range dropped", Of(42, 600, 1000), nil, []int{42, 600}},
		{"not a comparison holds for all", Where(token.ADD, 1), []int{100, 599}, nil},
	}
	for _, tt := range tests {
		for _, c := range tt.want {
			if !tt.set.Has(c) {
				t.Errorf("%s: %d missing", tt.name, c)
			}
		}
		for _, c := range tt.not {
			if tt.set.Has(c) {
				t.Errorf("%s: %d present", tt.name, c)
			}
		}
	}
	if got := Of(401, 403).Codes(); !slices.Equal(got, []int{401, 403}) {
		t.Errorf("Codes = %v", got)
	}
	if !Of(401, 429).SubsetOf(Refusals()) || Of(401, 500).SubsetOf(Refusals()) {
		t.Error("SubsetOf misjudges refusals")
	}
	if !All().Not().Empty() {
		t.Error("the complement of every status is not empty")
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		op   token.Token
		v    int
		want Test
	}{
		{"== 200", token.EQL, 200, Done},
		{"< 300", token.LSS, 300, Done},
		{"< 500", token.LSS, 500, Done},
		{">= 500", token.GEQ, 500, Retry},
		{"== 503", token.EQL, 503, Retry},
		{"!= 200", token.NEQ, 200, Retry},
		{">= 400", token.GEQ, 400, Retry},
		{"== 429 says neither", token.EQL, 429, Other},
		{"!= 429 says neither", token.NEQ, 429, Other},
		{"> 0 says neither", token.GTR, 0, Other},
	}
	for _, tt := range tests {
		if got := Classify(Where(tt.op, tt.v)); got != tt.want {
			t.Errorf("%s: Classify = %d, want %d", tt.name, got, tt.want)
		}
	}
	// Mirror: "500 <= code" is "code >= 500".
	if Classify(Where(Mirror(token.LEQ), 500)) != Retry {
		t.Error("Mirror(<=) does not give >=")
	}
}
