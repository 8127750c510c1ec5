package source

import "strconv"

// QuoteCapped quotes untrusted input for an error message: Go-quoted, so
// control characters and invalid bytes are escaped and cannot forge output
// lines, and cut to at most max bytes of the input (with "…" after the
// closing quote when cut), so that a hostile value cannot flood the report.
func QuoteCapped(s string, max int) string {
	if max < 0 {
		max = 0
	}
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	// Do not split a UTF-8 sequence: back up to the start of a rune.
	for cut > 0 && cut < len(s) && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}
