// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo for analyzer
// tests: the real signatures of the methods twice matches. The real driver
// builds wire messages whose bodies show no write.
package mongo

import "context"

type Client struct{}

func (c *Client) Database(name string) *Database { return &Database{} }

type Database struct{}

func (d *Database) Collection(name string) *Collection { return &Collection{} }

type Collection struct{ name string }

type InsertOneResult struct{ InsertedID interface{} }
type InsertManyResult struct{ InsertedIDs []interface{} }
type UpdateResult struct{ ModifiedCount int64 }
type SingleResult struct{}
type DeleteResult struct{}

type wire interface {
	roundTrip(ctx context.Context, msg []byte) error
}

var conn wire

func (coll *Collection) InsertOne(ctx context.Context, document interface{}) (*InsertOneResult, error) {
	return &InsertOneResult{}, conn.roundTrip(ctx, nil)
}

func (coll *Collection) InsertMany(ctx context.Context, documents []interface{}) (*InsertManyResult, error) {
	return &InsertManyResult{}, conn.roundTrip(ctx, nil)
}

func (coll *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{}) (*UpdateResult, error) {
	return &UpdateResult{}, conn.roundTrip(ctx, nil)
}

func (coll *Collection) UpdateByID(ctx context.Context, id interface{}, update interface{}) (*UpdateResult, error) {
	return &UpdateResult{}, conn.roundTrip(ctx, nil)
}

func (coll *Collection) FindOne(ctx context.Context, filter interface{}) *SingleResult {
	return &SingleResult{}
}

func (coll *Collection) DeleteOne(ctx context.Context, filter interface{}) (*DeleteResult, error) {
	return &DeleteResult{}, conn.roundTrip(ctx, nil)
}

// IsDuplicateKeyError reports whether err is a duplicate key error.
func IsDuplicateKeyError(err error) bool { return err != nil }
