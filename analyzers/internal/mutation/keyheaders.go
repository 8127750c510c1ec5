package mutation

import "strings"

// Headers that carry a deduplication id. The receiver of a request or a
// message that carries one can tell a repeat from a new write, so a value
// made once before the retry (or derived from stable data) is idempotency
// evidence. Which headers are dedup ids:
//   - every spelling of an idempotency or deduplication key
//     (Idempotency-Key, X-Idempotency-Token, X-Dedup-Id, Nats-Msg-Id);
//   - the ids of webhook and event envelopes that receivers are told to
//     dedup on (Standard Webhooks' webhook-id, Svix-Id, CloudEvents ce-id,
//     X-GitHub-Delivery);
//   - a vendor's payload id: a header named …-Id, …-Key or …-Token for the
//     thing sent (X-Event-Id, X-Notification-Id, X-Payload-Key), or the seed
//     the server derives such ids from (X-Inngest-Event-Id-Seed) — but not
//     one that names a caller, a credential or a trace (X-Request-Id,
//     X-Correlation-Id, X-Api-Key, X-Auth-Token, X-Session-Id, X-Client-Id,
//     and abbreviated as in Vendor-Req-Id or X-Rid), which servers do not
//     dedup on: a request id is made fresh for each request to find it in
//     logs, so seeing it made before a retry says nothing about the server.

// keyHeaderNames are dedup headers named outright (lower case).
var keyHeaderNames = map[string]bool{
	"nats-msg-id": true, "webhook-id": true, "svix-id": true, "ce-id": true, "x-github-delivery": true,
	"message-id": true,
	// Nutanix v4 APIs take NTNX-Request-Id as the idempotency token of a
	// request: a retry that sends the same id is answered with the first
	// result (a "request id" of other vendors is only for logs).
	"ntnx-request-id": true,
}

// notKeyWords in a header name mark a caller's identity, a credential or
// tracing, never a dedup id.
var notKeyWords = []string{
	"request", "correlation", "trace", "span", "auth", "api", "csrf", "xsrf", "access", "session", "client",
	"user", "tenant", "account", "org", "project", "app", "device", "refresh", "bearer", "jwt", "secret",
	"public", "private", "signing", "signature", "encryption", "license", "subscription", "instance", "host",
	"amz", "goog", "ms-", "forwarded", "real", "original",
}

// notKeyTokens are abbreviations of the same, matched as whole dash-separated
// words (a substring "req" would also match inside longer words).
var notKeyTokens = map[string]bool{"req": true, "reqid": true, "rid": true, "rqid": true, "invocation": true, "log": true}

// isKeyHeader reports whether a header name (lower case) carries a
// deduplication id.
func isKeyHeader(h string) bool {
	if keyHeaderNames[h] || strings.Contains(h, "idempot") || strings.Contains(h, "dedup") {
		return true
	}
	h = strings.TrimSuffix(h, "-seed") // X-Inngest-Event-Id-Seed: the ids the server derives from it
	if !strings.HasSuffix(h, "-id") && !strings.HasSuffix(h, "-key") && !strings.HasSuffix(h, "-token") {
		return false
	}
	for _, w := range notKeyWords {
		if strings.Contains(h, w) {
			return false
		}
	}
	for _, w := range strings.Split(h, "-") {
		if notKeyTokens[w] {
			return false
		}
	}
	return strings.Count(h, "-") >= 1 && len(h) > len("x-id")
}

// isPositionHeader reports whether a header name (lower case) places the
// body at an offset of the target: a resumable upload's chunk
// (Content-Range: bytes 0-1023/*) or a tus PATCH (Upload-Offset). The
// server stores those bytes at that position, so a chunk sent again
// rewrites the same range (or is refused for a stale offset) instead of
// adding data, whatever the offset's value: like If-Match, the request
// carries its own guard against applying twice.
func isPositionHeader(h string) bool {
	return h == "content-range" || h == "upload-offset"
}

// isRemoteWriteHeader reports whether a header (name in lower case, value
// as written) marks a Prometheus remote-write request: the protocol's
// version header, or a snappy-encoded body, which remote write (and the
// Loki and Mimir pushes that share its client code) is the one user of.
// The protocol identifies every sample by its series and timestamp, and
// the specification has senders retry on 5xx and receivers drop a sample
// already stored at its timestamp: a batch sent again after a lost reply
// writes nothing new. A gzip or zstd body says nothing (OTLP exports use
// them, and their delta sums are added twice).
func isRemoteWriteHeader(h string, value sval) bool {
	switch h {
	case "x-prometheus-remote-write-version":
		return true
	case "content-encoding":
		return value.known && strings.EqualFold(strings.TrimSpace(value.s), "snappy")
	}
	return false
}
