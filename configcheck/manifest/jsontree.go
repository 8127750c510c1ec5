package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/twice-lint/twice/configcheck/source"
)

// maxJSONDepth bounds nesting of JSON input (a Maven lockfile nests one
// object and one array per level of the dependency tree).
const maxJSONDepth = 256

// jsonVal is a JSON value with the position where it starts.
type jsonVal struct {
	pos     source.Pos
	str     string // string values (other scalars: their literal text)
	isObj   bool
	isArr   bool
	members []jsonMember // objects, in order
	elems   []*jsonVal   // arrays
}

type jsonMember struct {
	key    string
	keyPos source.Pos
	val    *jsonVal
}

// get returns the value of member key of an object, or nil.
func (v *jsonVal) get(key string) *jsonVal {
	if v == nil {
		return nil
	}
	for _, m := range v.members {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

// keyPos returns the position of member key of an object (zero if absent).
func (v *jsonVal) keyPos(key string) source.Pos {
	if v == nil {
		return source.Pos{}
	}
	for _, m := range v.members {
		if m.key == key {
			return m.keyPos
		}
	}
	return source.Pos{}
}

// text returns the string of a scalar member ("" when absent).
func (v *jsonVal) text(key string) string {
	if c := v.get(key); c != nil && !c.isObj && !c.isArr {
		return c.str
	}
	return ""
}

// jsonParser builds a jsonVal tree from a token stream, recording positions.
type jsonParser struct {
	data []byte
	li   *lineIndex
	dec  *json.Decoder
}

// parseJSON parses data into a position-annotated tree.
func parseJSON(file string, data []byte) (*jsonVal, error) {
	if err := checkInput(file, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	p := &jsonParser{data: data, li: newLineIndex(file, data), dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, source.Errorf(p.here(), "malformed JSON: data after the top-level value")
	}
	return v, nil
}

// here is the position of the next token (after blanks and separators).
func (p *jsonParser) here() source.Pos {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,:"), p.data[off]) >= 0 {
		off++
	}
	return p.li.pos(off)
}

func (p *jsonParser) err(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return source.Errorf(p.li.pos(int(se.Offset)), "malformed JSON: %s", se.Error())
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return source.Errorf(p.li.pos(len(p.data)), "malformed JSON: unexpected end of input")
	}
	return source.Errorf(p.here(), "malformed JSON: %v", err)
}

func (p *jsonParser) value(depth int) (*jsonVal, error) {
	if depth > maxJSONDepth {
		return nil, source.Errorf(p.here(), "JSON nested too deep")
	}
	pos := p.here()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.err(err)
	}
	v := &jsonVal{pos: pos}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v.isObj = true
			for p.dec.More() {
				kpos := p.here()
				ktok, err := p.dec.Token()
				if err != nil {
					return nil, p.err(err)
				}
				key, _ := ktok.(string)
				val, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.members = append(v.members, jsonMember{key: key, keyPos: kpos, val: val})
			}
		case '[':
			v.isArr = true
			for p.dec.More() {
				val, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.elems = append(v.elems, val)
			}
		default:
			return nil, source.Errorf(pos, "malformed JSON: unexpected %q", t)
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, p.err(err)
		}
	case string:
		v.str = t
	case json.Number:
		v.str = t.String()
	case bool:
		if t {
			v.str = "true"
		} else {
			v.str = "false"
		}
	}
	return v, nil
}
