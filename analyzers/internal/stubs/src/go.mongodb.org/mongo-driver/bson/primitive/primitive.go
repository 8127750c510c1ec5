// Package primitive is a stub of go.mongodb.org/mongo-driver/bson/primitive.
package primitive

type ObjectID [12]byte

func NewObjectID() ObjectID                      { return ObjectID{} }
func ObjectIDFromHex(s string) (ObjectID, error) { return ObjectID{}, nil }

type E struct {
	Key   string
	Value interface{}
}

type D []E

type M map[string]interface{}

type A []interface{}
