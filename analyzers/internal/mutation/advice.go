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
		return "set a deduplication id created before the retry, enable the producer's idempotence where the client has it, or make the consumers idempotent"
	case KindRedis:
		return "guard the command with a key set once per operation (SET NX) or do not retry it"
	case KindHTTP:
		return "send an Idempotency-Key header created before the retry, or retry only idempotent calls"
	case KindKube:
		return "give the object a fixed metadata.name (derived from its owner or from an id created once before the retry) instead of generateName, so that a repeated create is refused with AlreadyExists and can be treated as done"
	case KindDoc:
		return "give the document an _id created once before the retry (a repeat then fails with a duplicate key error that can be treated as done), or make the update idempotent ($set instead of $inc or $push)"
	case KindMail:
		return "retry only failures that happen before the message is handed over (dial, authentication, a refused recipient), or record each email in an outbox keyed by an id created before the retry and send from there"
	case KindSDK:
		// The SDKs in the table take an idempotency key per call.
		return "pass an idempotency key created before the retry, or retry only idempotent calls"
	}
	// A call judged by its name or listed by the user: what it writes is
	// not known, so neither is the key it would accept. The retried code
	// often holds nothing but that call, so "retry only the read" would
	// not apply; keeping the write out of the retry always does.
	return "make the operation idempotent (deduplicate on an id created once before the retry, or treat an already-exists answer as done), or keep it out of the retry"
}
