package manifest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/twice-lint/twice/configcheck/source"
)

// Limits for XML input: a pom nests a handful of levels and has at most a
// few thousand elements; these bounds only stop hostile input.
const (
	maxXMLDepth    = 128
	maxXMLElements = 200000
)

// xmlElem is one element of a parsed XML document, with the position of its
// start tag. Namespaces are ignored: poms use one default namespace.
type xmlElem struct {
	name     string
	text     string // concatenated character data directly inside the element, trimmed
	pos      source.Pos
	children []*xmlElem
}

// child returns the first child element named name, or nil.
func (e *xmlElem) child(name string) *xmlElem {
	if e == nil {
		return nil
	}
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// all returns the children named name.
func (e *xmlElem) all(name string) []*xmlElem {
	if e == nil {
		return nil
	}
	var out []*xmlElem
	for _, c := range e.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// textOf returns the text of the first child named name ("" if absent).
func (e *xmlElem) textOf(name string) string {
	if c := e.child(name); c != nil {
		return c.text
	}
	return ""
}

// parseXML parses data into an element tree. Malformed XML (a merge-conflict
// marker included) yields a *source.Error at the offending line and column.
func parseXML(file string, data []byte) (*xmlElem, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	li := newLineIndex(file, data)
	base := 0
	if bytes.HasPrefix(data, utf8BOM) {
		base = len(utf8BOM)
	}
	d := xml.NewDecoder(bytes.NewReader(data[base:]))
	d.CharsetReader = charsetReader
	var root *xmlElem
	var stack []*xmlElem
	var texts []*strings.Builder
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(li, data, d, err)
		}
		end := base + int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if len(stack) >= maxXMLDepth || count > maxXMLElements {
				return nil, source.Errorf(li.pos(end), "XML nested too deep or too large")
			}
			el := &xmlElem{name: t.Name.Local, pos: startTagPos(li, data, end, d)}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, el)
			} else if root == nil {
				root = el
			}
			stack = append(stack, el)
			texts = append(texts, &strings.Builder{})
		case xml.EndElement:
			top := stack[len(stack)-1]
			top.text = strings.TrimSpace(texts[len(texts)-1].String())
			stack, texts = stack[:len(stack)-1], texts[:len(texts)-1]
		case xml.CharData:
			if len(texts) > 0 {
				texts[len(texts)-1].Write(t)
			}
		}
	}
	if root == nil {
		return nil, source.Errorf(li.pos(0), "no XML root element")
	}
	return root, nil
}

// startTagPos returns the position of the '<' of the start tag that ends at
// byte offset end. The decoder's own line count is authoritative: when a
// charset conversion shifted byte offsets, only the line is kept.
func startTagPos(li *lineIndex, data []byte, end int, d *xml.Decoder) source.Pos {
	line, _ := d.InputPos()
	if end > len(data) {
		end = len(data)
	}
	p := li.pos(bytes.LastIndexByte(data[:end], '<'))
	if p.Line != line {
		p = source.Pos{File: li.file, Line: line, Col: 1}
	}
	return p
}

// xmlError converts a decoder error into a *source.Error at the decoder's
// current position.
//
// A file that ends inside an element (truncated, or an unclosed tag) is
// reported at the end of its last line rather than on the empty line after
// the final newline, which editors do not show.
func xmlError(li *lineIndex, data []byte, d *xml.Decoder, err error) error {
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
	}
	line, col := d.InputPos()
	pos := source.Pos{File: li.file, Line: line, Col: col}
	if strings.Contains(msg, "unexpected EOF") && bytes.HasSuffix(data, []byte("\n")) {
		if last := li.pos(len(data) - 1); last.Line < line {
			pos = last
		}
	}
	return source.Errorf(pos, "malformed XML: %s", msg)
}

// charsetReader lets poms declared as ISO-8859-1 / Latin-1 (still seen in
// older projects) decode; Latin-1 bytes map 1:1 to the first 256 runes.
// Other non-UTF-8 encodings are refused with a clear error.
func charsetReader(charset string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
		raw, err := io.ReadAll(io.LimitReader(in, maxFileSize))
		if err != nil {
			return nil, err
		}
		buf := make([]byte, 0, len(raw))
		for _, b := range raw {
			buf = utf8.AppendRune(buf, rune(b))
		}
		return bytes.NewReader(buf), nil
	}
	return nil, fmt.Errorf("unsupported encoding %s", source.QuoteCapped(charset, 40))
}
