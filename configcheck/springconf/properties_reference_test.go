package springconf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/magiconair/properties"
)

// Our .properties lexer held to a reference: github.com/magiconair/properties
// (a maintained Go implementation of java.util.Properties.load, named on
// the product card). On every input the reference accepts, both must read
// the same keys with the same values (the last definition of a key wins in
// both).
//
// Known, intended differences, excluded here:
//   - ${} expansion: the reference expands and validates placeholders by
//     default; Spring resolves them later against every property source,
//     so expansion is disabled in the reference (Loader.DisableExpansion).
//   - `#---` / `!---` document separators (Spring Boot 2.4+): comments for
//     the reference, document boundaries for us. Comparing the merged,
//     last-wins view of all our documents makes them agree.
//   - Binary content (NUL and C0 control bytes other than tab/LF/VT/FF/CR/
//     ESC) and git merge-conflict markers: we reject the file as input
//     that no one meant as configuration; the reference reads it.
//   - A UTF-8 byte-order mark: we drop it (Spring's loader reads UTF-8
//     files with a BOM as such); the reference keeps it in the first key.
//     It is stripped before the reference reads the input.
//   - UTF-16 surrogate escapes (\uD83D\uDE00): Java's Properties.load
//     builds a UTF-16 string, so a pair is one character (😀), as we read
//     it; the reference turns each half into U+FFFD. Inputs with a
//     surrogate escape are skipped.
//   - A continuation line inside a key (`key\` then `more=1`): Java joins
//     the lines (key "keymore", as we do); the reference keeps the line
//     break in the key ("key\nmore"). Inputs where a reference key holds a
//     line break that a backslash-newline produced are skipped.
//   - A separator on a continuation line (`key \` then `:value`): Java
//     joins the lines before it splits key from value, so the `:` or `=`
//     is the separator (value "value", as we and Spring Boot's
//     OriginTrackedPropertiesLoader read it); the reference has already
//     ended the separator at the line break and keeps ":value". Values
//     the reference starts with `=` or `:` in such inputs are compared
//     without that character and the blanks after it that Java skips (a
//     blank escaped as `\ ` stays: the reference has already unescaped
//     it, so ours must end the reference value, after blanks only).
//   - A backslash before CR LF: Java's LineReader continues the line and
//     drops the LF (skipLF), and Spring Boot reads through a
//     LineNumberReader that folds CR LF into one LF, so `k \` CR LF `v`
//     is k=v for both (and for us); the reference ends the value there
//     (k="" and the continuation lost). The reference reads the input
//     with exactly that CR LF written as LF, which Java reads the same.
func FuzzPropertiesReference(f *testing.F) {
	for _, s := range []string{
		"oms.auth.openapi.enable=false\n",
		"a = b\\\n   c\nd:e\nf g\n\\ key\\=x = v\\u00e9\n",
		"#---\nspring.config.activate.on-profile=prod\noms.auth.openapi.enable=true\n!---\nx=1\n",
		"key\\\n\nnext=1\r\nlast\\\\\n",
		"a=${b}\nb=${a}\n",
		"caf\xe9=latin1\n",
		"  \f\tindented : value with trailing blanks  \n",
		"a=\\uD83D\\uDE00\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.TrimPrefix(data, utf8BOM)
		if surrogateEscape.Match(data) {
			return
		}
		enc := properties.UTF8
		if !utf8.Valid(data) {
			enc = properties.ISO_8859_1
		}
		l := &properties.Loader{Encoding: enc, DisableExpansion: true}
		ref, refErr := loadReference(l, continuedCRLF.ReplaceAll(data, []byte("\\\n")))
		if refErr != nil {
			return // only inputs the reference accepts
		}
		ours, err := ParseProperties("application.properties", data)
		if err != nil {
			if checkRawText("application.properties", data) != nil {
				return // binary content or conflict markers: rejected on purpose
			}
			t.Fatalf("reference accepts %q, we reject it: %v", data, err)
		}
		got := map[string]string{}
		for _, d := range ours.Docs {
			for _, e := range d.Entries {
				got[e.Key] = e.Value
			}
		}
		want := map[string]string{}
		for _, k := range ref.Keys() {
			if strings.ContainsAny(k, "\r\n") && continuedLine.Match(data) {
				return // the reference does not continue keys (see above)
			}
			want[k], _ = ref.Get(k)
		}
		for k, v := range want {
			g, ok := got[k]
			if ok && g != v && javaSeparatorReading(data, v, g) {
				continue // Java's reading (see above)
			}
			if !ok || g != v {
				t.Fatalf("input %q: key %q: reference %q, ours %q (present %v)", data, k, v, g, ok)
			}
		}
		for k, v := range got {
			if _, ok := want[k]; !ok {
				t.Fatalf("input %q: key %q=%q is ours only (reference keys %q)", data, k, v, strings.Join(ref.Keys(), ","))
			}
		}
	})
}

// javaSeparatorReading reports whether ours is Java's reading of a value
// whose reference reading starts with a separator that began a continuation
// line: the reference value without that separator is blanks (which Java
// skips) followed by exactly ours. False without a line continuation.
func javaSeparatorReading(data []byte, refValue, ours string) bool {
	if !continuedLine.Match(data) || refValue == "" || (refValue[0] != ':' && refValue[0] != '=') {
		return false
	}
	rest := refValue[1:]
	return strings.HasSuffix(rest, ours) && strings.TrimLeft(rest[:len(rest)-len(ours)], " \t\f") == ""
}

// loadReference runs the reference, turning a panic into an error: only
// what it accepts cleanly is a reference.
func loadReference(l *properties.Loader, data []byte) (p *properties.Properties, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, errPanic
		}
	}()
	return l.LoadBytes(data)
}

// surrogateEscape matches a \u escape of a UTF-16 surrogate.
var surrogateEscape = regexp.MustCompile(`\\u[dD][89a-fA-F]`)

// continuedCRLF matches a backslash before a CR LF line terminator (see
// "Known, intended differences"). An even run of backslashes ends in one
// too; rewriting its CR LF as LF is harmless, as Java reads both alike.
var continuedCRLF = regexp.MustCompile(`\\\r\n`)

// continuedLine matches a backslash before a line terminator.
var continuedLine = regexp.MustCompile(`\\\r?[\r\n]`)

var errPanic = &panicError{}

type panicError struct{}

func (*panicError) Error() string { return "reference panicked" }
