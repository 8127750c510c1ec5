// Package uuid is a stub of github.com/google/uuid for analyzer tests.
package uuid

type UUID [16]byte

func New() UUID                            { return UUID{} }
func NewString() string                    { return New().String() }
func NewRandom() (UUID, error)             { return UUID{}, nil }
func NewV7() (UUID, error)                 { return UUID{}, nil }
func Must(uuid UUID, err error) UUID       { return uuid }
func Parse(s string) (UUID, error)         { return UUID{}, nil }
func NewSHA1(space UUID, data []byte) UUID { return UUID{} }
func (u UUID) String() string              { return "00000000-0000-0000-0000-000000000000" }

var NameSpaceURL = UUID{}
