package springconf

import (
	"slices"
	"strings"
	"testing"
)

func TestActiveFor(t *testing.T) {
	tests := []struct {
		expr     string
		profiles []string
		want     bool
	}{
		{"", nil, true},
		{"", []string{"prod"}, true},
		{"prod", []string{"prod"}, true},
		{"prod", []string{"dev"}, false},
		{"prod", nil, false},
		{"!prod", []string{"dev"}, true},
		{"!prod", []string{"prod"}, false},
		{"prod & cloud", []string{"prod", "cloud"}, true},
		{"prod & cloud", []string{"prod"}, false},
		{"prod | dev", []string{"dev"}, true},
		{"prod | dev", []string{"test"}, false},
		{"(a & b) | c", []string{"c"}, true},
		{"(a & b) | c", []string{"a", "b"}, true},
		{"(a & b) | c", []string{"a"}, false},
		{"!(a & b)", []string{"a"}, true},
		{"!!a", []string{"a"}, true},
		{"prod,cloud", []string{"cloud"}, true},
		{"prod, cloud", []string{"test"}, false},
		{"daily,!prod", nil, true},
		{"prod,", []string{"prod"}, true},
		{"default", []string{"default"}, true},
		// Malformed expressions are never active.
		{"a & b | c", []string{"a", "b", "c"}, false},
		{"(a", []string{"a"}, false},
		{"a)", []string{"a"}, false},
		// An unopened ")" stays malformed even where wrapping the text in
		// !( ) pairs it into a well-formed expression (FuzzProfileExpr).
		{"0)|(0", []string{"0"}, false},
		{"!(0)|(0)", nil, true},
		{"a &", []string{"a"}, false},
		{"& a", []string{"a"}, false},
		{"a b", []string{"a", "b"}, false},
		{"prod,(", []string{"prod"}, false},
		{" ", nil, false},
		{",", nil, false},
		{strings.Repeat("(", 100) + "a" + strings.Repeat(")", 100), []string{"a"}, false},
		{strings.Repeat("!", 1000) + "a", []string{"a"}, false},
	}
	for _, tt := range tests {
		d := Document{OnProfile: tt.expr}
		if got := d.ActiveFor(tt.profiles); got != tt.want {
			t.Errorf("ActiveFor(%q, %v) = %v, want %v", tt.expr, tt.profiles, got, tt.want)
		}
	}
}

func TestParseProfiles(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"prod, cloud", []string{"prod", "cloud"}},
		{"prod", []string{"prod"}},
		{" prod ,, cloud ,", []string{"prod", "cloud"}},
		{"", nil},
		{" , ", nil},
	}
	for _, tt := range tests {
		if got := ParseProfiles(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("ParseProfiles(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestActivationKeys(t *testing.T) {
	tests := []struct {
		name  string
		props string
		want  string
	}{
		{"on-profile", "spring.config.activate.on-profile=prod\n", "prod"},
		{"relaxed spelling", "spring.config.activate.onProfile=prod\n", "prod"},
		{"legacy", "spring.profiles=dev\n", "dev"},
		{"new key wins over legacy", "spring.profiles=dev\nspring.config.activate.on-profile=prod\n", "prod"},
		{"indexed list", "spring.config.activate.on-profile[0]=a\nspring.config.activate.on-profile[1]=b\n", "a,b"},
		{"active is not activation", "spring.profiles.active=prod\n", ""},
		{"include is not activation", "spring.profiles.include[0]=prod\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseProperties("a.properties", []byte(tt.props))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Docs[0].OnProfile; got != tt.want {
				t.Errorf("OnProfile = %q, want %q", got, tt.want)
			}
		})
	}
}
