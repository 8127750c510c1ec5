package corpus_test

import (
	"go/token"
	"testing"
)

// The scoring helpers decide what the corpus numbers mean: test them on
// their own.

func TestParseWant(t *testing.T) {
	posn := token.Position{Filename: "acme/x/x.go", Line: 7}
	tests := []struct {
		name      string
		comment   string
		want      []string // regexps
		analyzers []string
		wantErr   bool
	}{
		{"not a want", "// wanted: nothing", nil, nil, false},
		{"raw string", "// want `POST /v1/orders inside retry\\.Do`", []string{`POST /v1/orders inside retry\.Do`}, []string{"unsaferetry"}, false},
		{"interpreted string", `// want "INSERT INTO \\w+"`, []string{`INSERT INTO \w+`}, []string{"unsaferetry"}, false},
		{"resend by its wording", "// want `is sent again after`", []string{"is sent again after"}, []string{"resend"}, false},
		{"two expectations", "// want `a` \"b\"", []string{"a", "b"}, []string{"unsaferetry", "unsaferetry"}, false},
		{"unterminated", "// want `oops", nil, nil, true},
		{"bad regexp", "// want `(`", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := parseWant(posn, tt.comment)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if len(ws) != len(tt.want) {
				t.Fatalf("got %d wants, want %d", len(ws), len(tt.want))
			}
			for i, w := range ws {
				if w.re.String() != tt.want[i] || w.analyzer != tt.analyzers[i] || w.line != 7 {
					t.Errorf("want %d = %q (%s, line %d), want %q (%s, line 7)", i, w.re, w.analyzer, w.line, tt.want[i], tt.analyzers[i])
				}
			}
		})
	}
}

func TestScoring(t *testing.T) {
	funcs := func() []*function {
		return []*function{
			{name: "p.Flagged", file: "a.go", start: 1, end: 10, flagged: true},
			{name: "p.Silent", file: "a.go", start: 12, end: 20},
			{name: "p.Missed", file: "a.go", start: 22, end: 30, flagged: true},
		}
	}
	at := func(line int) *finding {
		return &finding{analyzer: "unsaferetry", message: "POST /x inside a retry loop", posn: token.Position{Filename: "a.go", Line: line}}
	}
	tests := []struct {
		name           string
		findings       []*finding
		tp, fp, fn, tn int
		precision      float64
		recall         float64
	}{
		{"nothing found", nil, 0, 0, 2, 1, 1, 0},
		{"one hit", []*finding{at(5)}, 1, 0, 1, 1, 1, 0.5},
		{"two findings in one function count once", []*finding{at(5), at(6)}, 1, 0, 1, 1, 1, 0.5},
		{"false positive", []*finding{at(5), at(15)}, 1, 1, 1, 0, 0.5, 0.5},
		{"outside every function", []*finding{at(5), at(25), at(40)}, 2, 1, 0, 1, 2.0 / 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreFunctions(funcs(), tt.findings)
			if s.tp != tt.tp || s.fp != tt.fp || s.fn != tt.fn || s.tn != tt.tn {
				t.Errorf("TP/FP/FN/TN = %d/%d/%d/%d, want %d/%d/%d/%d", s.tp, s.fp, s.fn, s.tn, tt.tp, tt.fp, tt.fn, tt.tn)
			}
			if s.precision() != tt.precision || s.recall() != tt.recall {
				t.Errorf("precision/recall = %.3f/%.3f, want %.3f/%.3f", s.precision(), s.recall(), tt.precision, tt.recall)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	ws, err := parseWant(token.Position{Filename: "a.go", Line: 3}, "// want `POST /x` `POST /x`")
	if err != nil {
		t.Fatal(err)
	}
	f := func(line int, msg string) *finding {
		return &finding{message: msg, posn: token.Position{Filename: "a.go", Line: line}}
	}
	findings := []*finding{f(3, "POST /x inside retry.Do"), f(3, "POST /x inside a retry loop"), f(3, "POST /x again"), f(4, "POST /x")}
	unexpected := match(findings, ws)
	if len(unexpected) != 2 || unexpected[0] != findings[2] || unexpected[1] != findings[3] {
		t.Errorf("unexpected = %v, want the third finding (each want matches once) and the one on another line", unexpected)
	}
	for i, w := range ws {
		if !w.matched {
			t.Errorf("want %d not matched", i)
		}
	}
}
