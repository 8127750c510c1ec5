package configcheck

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadSized(t *testing.T) {
	tests := []struct {
		name        string
		data        string
		size, limit int64
		want        int // bytes returned
	}{
		{"exact size", "abcdef", 6, 100, 6},
		{"empty", "", 0, 100, 0},
		{"grew after the stat", strings.Repeat("x", 5000), 10, 100000, 5000},
		{"shrank after the stat", "abc", 4000, 100000, 3},
		{"stops one past the limit", strings.Repeat("y", 50), 50, 11, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []func() interface{ Read([]byte) (int, error) }{
				func() interface{ Read([]byte) (int, error) } { return strings.NewReader(tt.data) },
				func() interface{ Read([]byte) (int, error) } { return iotest.OneByteReader(strings.NewReader(tt.data)) },
			} {
				got, err := readSized(r(), tt.size, tt.limit)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != tt.want || !bytes.Equal(got, []byte(tt.data[:tt.want])) {
					t.Errorf("read %d bytes, want %d", len(got), tt.want)
				}
			}
		})
	}
}
