// Package franz turns franz-go's idempotent writes off: its retries can
// then write a record twice.
package franz

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

func Emit(ctx context.Context, brokers []string, body []byte) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.DisableIdempotentWrite())
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: body}).FirstErr() // want `franz-go Client\.ProduceSync sent through franz-go's record retries \(DisableIdempotentWrite set\)`
}
