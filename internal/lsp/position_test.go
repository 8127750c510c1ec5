package lsp

import "testing"

func TestPositionConversion(t *testing.T) {
	text := []byte("a: b\r\nkey: \"héllo\" # 👋 x\nlast")
	li := newLineIndex(text)
	tests := []struct {
		name          string
		line, byteCol int
		want          position
	}{
		{"first column", 1, 1, position{0, 0}},
		{"ASCII", 1, 4, position{0, 3}},
		{"after a 2-byte rune", 2, 10, position{1, 8}},      // 'l' after é (é is 2 bytes, 1 unit)
		{"after an emoji", 2, 22, position{1, 18}},          // x after 👋 (4 bytes, 2 units)
		{"past the end of the line", 1, 99, position{0, 4}}, // clamped before \r\n
		{"past the end after an emoji", 2, 99, position{1, 19}},
		{"no column", 3, 0, position{2, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := li.position(tt.line, tt.byteCol)
			if got != tt.want {
				t.Fatalf("position(%d, %d) = %+v, want %+v", tt.line, tt.byteCol, got, tt.want)
			}
			// Back to bytes: the offset of the same character.
			if tt.byteCol >= 1 && tt.byteCol <= len(li.line(tt.line))+1 {
				wantOff := li.starts[tt.line-1] + tt.byteCol - 1
				if off := offsetOf(text, got); off != wantOff {
					t.Errorf("offsetOf(%+v) = %d, want %d", got, off, wantOff)
				}
			}
		})
	}
	if got := li.lineEnd(2); got != (position{1, 19}) {
		t.Errorf("lineEnd(2) = %+v", got)
	}
	if got := offsetOf(text, position{9, 0}); got != len(text) {
		t.Errorf("offset past the last line = %d, want %d", got, len(text))
	}
	if got := offsetOf(text, position{1, 16}); got != li.starts[1]+16 {
		t.Errorf("offset inside a surrogate pair = %d, want the start of the emoji %d", got, li.starts[1]+16)
	}
}
