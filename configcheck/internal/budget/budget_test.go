package budget

import (
	"strings"
	"testing"
)

func TestSpend(t *testing.T) {
	tests := []struct {
		name    string
		steps   [][2]int // n, total
		want    []bool
		refused int
	}{
		{"within limits", [][2]int{{10, 10}, {20, 30}}, []bool{true, true}, 0},
		{"one value too long, the next fits", [][2]int{{101, 101}, {5, 5}}, []bool{false, true}, 1},
		{"work cap is sticky", [][2]int{{90, 90}, {90, 90}, {90, 90}, {1, 1}}, []bool{true, true, false, false}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := WithLimits(100, 200)
			for i, s := range tt.steps {
				if got := b.Spend(s[0], s[1]); got != tt.want[i] {
					t.Errorf("step %d: Spend(%d, %d) = %v, want %v", i, s[0], s[1], got, tt.want[i])
				}
			}
			if b.Refused() != tt.refused {
				t.Errorf("Refused() = %d, want %d", b.Refused(), tt.refused)
			}
		})
	}
}

func TestNilBudgetAllowsEverything(t *testing.T) {
	var b *Budget
	if !b.Spend(1<<40, 1<<40) || b.Refused() != 0 || b.Used() != 0 {
		t.Fatal("a nil budget must allow everything and count nothing")
	}
}

func TestMessageNamesLimits(t *testing.T) {
	m := New().Message("variable B")
	for _, want := range []string{"variable B", "65536", "unknown"} {
		if !strings.Contains(m, want) {
			t.Errorf("message %q lacks %q", m, want)
		}
	}
}
