package deploy

import "testing"

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blanks only", " \t\n", nil},
		{"plain", "--oms.auth.openapi.enable=false --spring.profiles.active=product",
			[]string{"--oms.auth.openapi.enable=false", "--spring.profiles.active=product"}},
		{"double quotes", `-Dname="a b" "--x=$HOME \"q\""`, []string{"-Dname=a b", `--x=$HOME "q"`}},
		{"single quotes", `--a='x "y" \z'`, []string{`--a=x "y" \z`}},
		{"empty quoted word", `a "" b`, []string{"a", "", "b"}},
		{"backslash-newline continuation", "--a=1 \\\n  --b=2\\\r\n--c", []string{"--a=1", "--b=2--c"}},
		{"folded continuation", `--spring.profiles.active=prod \ --oms.auth.openapi.enable=true`,
			[]string{"--spring.profiles.active=prod", "--oms.auth.openapi.enable=true"}},
		{"folded literal newlines", "--a=1\n--b=2\n", []string{"--a=1", "--b=2"}},
		{"escaped quote", `it\'s`, []string{"it's"}},
		{"trailing backslash", `a\`, []string{"a"}},
		{"unterminated quotes keep the rest", `--a="x y`, []string{"--a=x y"}},
		{"unterminated single quote", `--a='x y`, []string{"--a=x y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertEqual(t, "words", SplitArgs(tt.in), tt.want)
		})
	}
}

func TestEnvVarWords(t *testing.T) {
	p := at("docker-compose.yml", 7, 7)
	tests := []struct {
		name string
		env  EnvVar
		want []Arg
	}{
		{"known", EnvVar{Name: "PARAMS", Value: "--a=1 --b=2", Pos: p},
			[]Arg{{Text: "--a=1", Pos: p}, {Text: "--b=2", Pos: p}}},
		{"one unresolved word", EnvVar{Name: "PARAMS", Value: "--oms.auth.openapi.enable=false --db=${DB_URL}", Pos: p,
			Unknown: true, Unresolved: []string{"${DB_URL}"}},
			[]Arg{{Text: "--oms.auth.openapi.enable=false", Pos: p}, {Text: "--db=${DB_URL}", Pos: p, Unknown: true}}},
		{"unknown without references", EnvVar{Name: "PARAMS", Value: "", Pos: p, Unknown: true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertEqual(t, "words", tt.env.Words(), tt.want)
		})
	}
}
