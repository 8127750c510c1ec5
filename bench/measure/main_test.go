package main

import (
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{in: []time.Duration{3, 1, 2}, want: 2},
		{in: []time.Duration{4, 1, 3, 2}, want: 2}, // (2+3)/2 rounded down
		{in: []time.Duration{7}, want: 7},
	}
	for _, tt := range tests {
		in := append([]time.Duration(nil), tt.in...)
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", in, got, tt.want)
		}
		for i := range in {
			if tt.in[i] != in[i] {
				t.Errorf("median reordered its input: %v, was %v", tt.in, in)
				break
			}
		}
	}
}

func TestParseCommands(t *testing.T) {
	tests := []struct {
		args    []string
		names   []string
		wantErr string
	}{
		{args: []string{"floor=go vet -vettool=/f ./...", "twice=twice ./..."}, names: []string{"floor", "twice"}},
		{args: []string{"floor=a=b c"}, wantErr: "need a floor and at least one"},
		{args: []string{"floor=x", "twice"}, wantErr: `"twice" is not name='shell command'`},
		{args: []string{"floor=x", "=y"}, wantErr: "is not name="},
	}
	for _, tt := range tests {
		cmds, err := parseCommands(tt.args)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseCommands(%q) error = %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("parseCommands(%q): %v", tt.args, err)
		}
		for i, c := range cmds {
			if c.name != tt.names[i] {
				t.Errorf("command %d named %q, want %q", i, c.name, tt.names[i])
			}
		}
		if cmds[0].shell != "go vet -vettool=/f ./..." {
			t.Errorf("shell = %q: the first '=' must split name from command", cmds[0].shell)
		}
	}
}

func TestRunRecordsExitAndRSS(t *testing.T) {
	c := &command{name: "x"}
	if err := run("exit 3", "", nil, c); err != nil {
		t.Fatalf("exit 3 (twice found something) must be recorded, not fail: %v", err)
	}
	if err := run("exit 2", "", nil, c); err == nil {
		t.Error("exit 2 (usage error) must fail the measurement")
	}
	if len(c.exitCodes) != 1 || c.exitCodes[0] != 3 || c.peakKiB <= 0 {
		t.Errorf("recorded exit codes %v, peak %d KiB; want [3] and a positive peak", c.exitCodes, c.peakKiB)
	}
}
