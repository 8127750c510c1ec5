// Package resend defines an Analyzer that reports a mutating,
// non-idempotent request sent again after the response to the first send
// was received and inspected.
//
// # Analyzer resend
//
// resend: report non-idempotent requests sent again after their response was inspected
//
// A client that looks at a response, decides that something went wrong and
// sends the same POST again performs the write twice whenever the server had
// in fact executed the first request. The response said "done" in a way the
// client did not expect; the server did the work anyway.
//
// This is how the PowerJob Java client 5.1.x ran every OpenAPI write twice:
// after each request it expected the response header
// X-POWERJOB-AUTH-PASSED: true, and when the header was missing it assumed
// the authentication had failed, fetched a new token and sent the same
// request again. Servers 5.1.0 with OpenAPI authentication disabled (the
// default) executed the request and never set the header, so every saveJob
// and runJob was executed twice. The same shape in Go:
//
//	resp, err := c.http.Do(req) // POST /openApi/saveJob
//	if err != nil {
//		return err
//	}
//	if resp.Header.Get("X-POWERJOB-AUTH-PASSED") != "true" {
//		c.refreshToken(ctx)
//		resp, err = c.http.Do(retry) // reported: the job may now exist twice
//	}
//
// The analyzer reports the second send of the same non-idempotent operation
// (the same HTTP method and target, or the same helper function — a POST to
// another endpoint is a different operation) in straight-line code or in a
// branch, including a recursive call of the enclosing function, when the way
// to it depends on the first response:
//
//   - a header: resp.Header.Get("X-…"), resp.Header["X-…"], Values;
//   - a field of the decoded body: if out.Code != 0, if !out.Success;
//   - a status that lets a server error through: resp.StatusCode != 200,
//     >= 500, == http.StatusBadGateway, in an if or a switch;
//   - a failure to decode the body: if err := json.NewDecoder(resp.Body).Decode(&v); err != nil;
//   - any of these in a same-package helper (if !authPassed(resp)).
//
// What is a write is decided as for unsaferetry. Two kinds of re-send are
// reported only with -unsaferetry.confidence=low, each ending with what to
// check: an update (a PATCH sets the fields it carries, so a second one
// usually sets the same values again) and a call that only its name calls
// a write (an interface method with no implementation in the program, a
// generated gRPC client), whose repeat twice cannot see.
//
// The two calls must carry the same request. Their arguments (and the
// receiver of a method call) are compared through the values variables
// hold: req and again built by the same builder call with the same
// arguments are the same request; so are two evaluations of one expression
// (bytes.NewReader(body), a clone of the request, a fresh UUID). They are a
// different request, and nothing is reported, only on evidence: different
// constants (another path, another name suffix), two distinct variables the
// function never assigned (two parameters), different fields of one value,
// composite literals with different keys or values, or a field or element
// of the request assigned between the sends (bucket.FileLockEnabled =
// true, then Update again). Fields of the enclosing method's receiver (a
// token refreshed on the client) and the request's headers (a new
// Authorization) do not change the request. When the comparison cannot
// decide, the same operation counts as the same request.
//
// It is not a re-send, and nothing is reported, when:
//
//   - the re-send happens only after 401, 403, 407 or 429: the server
//     refused the request before executing it (also when a same-package
//     check helper turns the response into an error and the re-send is
//     guarded by errors.Is(err, ErrUnauthorized), a sentinel the helper
//     returns only for those statuses);
//   - the first send failed without a response (err != nil): that is a retry,
//     which the unsaferetry analyzer judges;
//   - the way to the second send passes an assertion on the first
//     response: the branch not taken aborts (t.Fatal, panic, log.Fatal),
//     reports an error and leaves (t.Errorf(…); return), or returns an
//     error (return fmt.Errorf(…)). The second send is then the next step
//     after a good answer (a test's successive steps);
//   - one call site runs several times in a loop (also unsaferetry's); two
//     sends in the same loop iteration still count;
//   - the operation is idempotent (PUT, DELETE, GET, an upsert);
//   - both sends carry the same idempotency key, created once before the
//     first send (or derived from stable data such as an order ID), or the
//     write is guarded by compare-and-swap (If-Match), create-if-missing, or
//     an offset the body is written at (Content-Range, Upload-Offset);
//   - the second send is given the reader the first one read to its end
//     (the same io.Reader, *bytes.Buffer or *bytes.Reader variable, not
//     rewound between the sends, passed to a function of the package that
//     uses it as a request body): it carries no content, so the retry is
//     broken but stores nothing twice. A new reader over the same bytes,
//     a Seek back to the start, or a callee that rewinds the reader itself
//     sends the content again, and is reported.
//
// The diagnostic is at the second send; its related information points at
// the first send and at the inspection.
//
// # Fix
//
// Re-send only when the server told you it did not execute the request:
//
//	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
//		c.refreshToken(ctx)
//		resp, err = c.http.Do(retry)
//	}
//
// or make the request idempotent: create an Idempotency-Key once, before the
// first send, and send it with both requests, so that the server executes it
// at most once.
//
// # Suppress
//
// Put //nolint:resend (or //nolint:twice, optionally followed by
// "// reason") at the end of the reported line or alone on the line before
// the statement, or mark the enclosing function as safe to repeat with
// //twice:idempotent in its doc comment.
//
// Generated files are not checked, nor _test.go files unless -unsaferetry.tests
// (a test's second request goes to a test server).
package resend
