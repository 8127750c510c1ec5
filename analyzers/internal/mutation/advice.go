package mutation

// Advice says how to make a write of kind k (Op.Primitive) safe to retry,
// fitted to the operation: an idempotency key for HTTP, an idempotent
// statement for SQL, producer deduplication for queues. Every analyzer's
// message takes its fix from here.
func Advice(k Kind) string {
	switch k {
	case KindSQL:
		return "make the statement idempotent (ON CONFLICT, an upsert or a unique key checked on conflict) or do not retry it"
	case KindPublish:
		return "set a deduplication id created before the retry, or make the consumers idempotent"
	case KindRedis:
		return "guard the command with a key set once per operation (SET NX) or do not retry it"
	case KindHTTP:
		return "send an Idempotency-Key header created before the retry, or retry only idempotent calls"
	}
	return "pass an idempotency key created before the retry, or retry only idempotent calls"
}
