package model

import (
	"flag"
	"io"
	"testing"
)

func TestFullNameFlags(t *testing.T) {
	tests := []struct {
		value string
		ok    bool
	}{
		{"example.com/x/retry.Do", true},
		{"(*example.com/x/billing.Client).Charge", true},
		{"(example.com/x/billing.Client).Charge", true},
		{"net/http.Post", true},
		{"fmt.Println", true},
		{"(*example.com/x/list.List[T]).Push", true},
		{"example.com/x/retry.Do, example.com/y.Send", true},
		{"Do", false},                   // no package
		{"not a name!!", false},         // spaces
		{"example.com/x/retry.", false}, // no function
		{"(*example.com/x.Client.Charge", false},
		{"example.com/x/retry.Do()", false},
		{"example.com/x/retry.Do,Charge", false}, // the second is malformed
	}
	for _, tt := range tests {
		var s Settings
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		s.RegisterFlags(fs)
		err := fs.Parse([]string{"-mutating=" + tt.value})
		if (err == nil) != tt.ok {
			t.Errorf("-mutating=%q: error %v, want ok=%v", tt.value, err, tt.ok)
		}
	}
}
