// Package docstore keeps orders in MongoDB and retries its writes on any
// error. An insert of a document without an _id gets a new ObjectID from
// the driver on every attempt, so a repeat after a lost reply stores a
// second order; an _id chosen before the retry makes the repeat fail with
// a duplicate key. A $inc or $push update adds again; $set does not.
package docstore

import (
	"context"

	"github.com/avast/retry-go/v4"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type Order struct {
	ID     primitive.ObjectID `bson:"_id,omitempty"`
	Amount int64              `bson:"amount"`
}

type Event struct {
	Kind string `bson:"kind"`
}

type Store struct {
	db     *mongo.Database
	orders *mongo.Collection
}

func (s *Store) Place(ctx context.Context, amount int64) error {
	return retry.Do(func() error {
		_, err := s.orders.InsertOne(ctx, Order{Amount: amount}) // want `MongoDB insert into s\.orders inside retry\.Do \(avast/retry-go\) runs again on every retry; the document can be inserted twice .*: give the document an _id created once before the retry`
		return err
	})
}

// The _id is chosen once: a repeat is refused as a duplicate key.
func (s *Store) PlaceKeyed(ctx context.Context, amount int64) error {
	order := Order{ID: primitive.NewObjectID(), Amount: amount}
	return retry.Do(func() error {
		_, err := s.orders.InsertOne(ctx, order)
		return err
	})
}

// An _id made inside the retry is a new key on every attempt.
func (s *Store) PlaceFreshKey(ctx context.Context, amount int64) error {
	return retry.Do(func() error {
		_, err := s.orders.InsertOne(ctx, bson.M{"_id": primitive.NewObjectID(), "amount": amount}) // want `MongoDB insert into s\.orders inside retry\.Do`
		return err
	})
}

// A struct with no _id field always gets a new one from the driver.
func (s *Store) Log(ctx context.Context, e Event) error {
	return retry.Do(func() error {
		_, err := s.db.Collection("events").InsertOne(ctx, e) // want `MongoDB insert into events inside retry\.Do`
		return err
	})
}

// The caller's order may carry its _id: not judged.
func (s *Store) Save(ctx context.Context, o *Order) error {
	return retry.Do(func() error {
		_, err := s.orders.InsertOne(ctx, o)
		return err
	})
}

func (s *Store) CountView(ctx context.Context, id primitive.ObjectID) error {
	return retry.Do(func() error {
		_, err := s.orders.UpdateByID(ctx, id, bson.D{{Key: "$inc", Value: bson.D{{Key: "views", Value: 1}}}}) // want `MongoDB \$inc update of s\.orders inside retry\.Do \(avast/retry-go\) runs again on every retry; the counter can be incremented twice`
		return err
	})
}

// Setting fields, reading and deleting are safe to repeat.
func (s *Store) Ship(ctx context.Context, id primitive.ObjectID) error {
	return retry.Do(func() error {
		update := bson.M{"$set": bson.M{"status": "shipped"}}
		if _, err := s.orders.UpdateOne(ctx, bson.M{"_id": id}, update); err != nil {
			return err
		}
		if r := s.orders.FindOne(ctx, bson.M{"_id": id}); r == nil {
			return nil
		}
		_, err := s.orders.DeleteOne(ctx, bson.M{"_id": id})
		return err
	})
}
