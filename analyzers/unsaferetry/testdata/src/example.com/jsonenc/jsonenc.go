// Package jsonenc is a streaming JSON encoder that appends to byte slices.
package jsonenc

import (
	"errors"
	"math"
	"strconv"
)

// AppendNumber appends the JSON form of f to b.
func AppendNumber(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, errors.New("jsonenc: unsupported number")
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64), nil
}

type Encoder struct{ buf []byte }

// AppendValue appends v to the encoder's buffer.
func (e *Encoder) AppendValue(v any) error {
	var err error
	switch x := v.(type) {
	case float64:
		e.buf, err = AppendNumber(e.buf, x)
	case string:
		e.buf = strconv.AppendQuote(e.buf, x)
	default:
		err = errors.New("jsonenc: unsupported type")
	}
	return err
}

func (e *Encoder) Bytes() []byte { return e.buf }

// Appender is implemented by values that encode themselves.
type Appender interface {
	AppendJSON(b []byte) ([]byte, error)
}
