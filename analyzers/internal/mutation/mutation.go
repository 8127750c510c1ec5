// Package mutation decides whether one call is a mutating, non-idempotent
// operation — the kind of call that does damage when it is repeated by a
// retry or re-sent after a response — and what idempotency evidence is
// attached to it.
//
// It knows the primitives (net/http with the method resolved, SQL through
// database/sql, sqlx and pgx with the statement classified by sqlclass,
// message publishers, Redis counters and lists, a few SDK writes), the
// user's -mutating/-idempotent flags, a verb heuristic for calls whose body
// cannot be judged (interface methods, bodies with an unclassified remote
// call), and
// calls of functions that do one of these (through FuncFacts, which the
// model analyzer computes with Summarize and exports).
//
// A Classifier serves one analysis pass; it is not safe for concurrent use.
package mutation

import (
	"go/ast"
	"go/token"
)

// Kind says what sort of write an Op is.
type Kind uint8

const (
	KindNone    Kind = iota // not a write (zero value)
	KindHTTP                // an HTTP request with a non-idempotent method (POST, PATCH)
	KindSQL                 // a SQL statement that is not safe to repeat (INSERT, relative UPDATE, nextval)
	KindPublish             // a message published to a broker (Kafka, NATS, AMQP, SQS, SNS, Pub/Sub)
	KindRedis               // a Redis command that accumulates (INCR, LPUSH, XADD, …)
	KindVerb                // a call of an unseen body named like a create/send (verb heuristic)
	KindCustom              // a function listed in the -mutating flag
	KindCall                // a call of a function that performs one of the above (via its FuncFact)
	KindSDK                 // a known SDK write (e.g. Stripe's charge.New)
	KindKube                // a Kubernetes create of an object named anew on every call (generateName)
	KindMail                // an email sent (SMTP and mail libraries)
	KindDoc                 // a document database write (a MongoDB insert without a fixed _id, a $inc update)
)

var kindNames = [...]string{"none", "http", "sql", "publish", "redis", "verb", "custom", "call", "sdk", "kube", "mail", "document"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Op is one non-idempotent write.
type Op struct {
	Kind Kind
	// Root is the kind of the primitive write behind a KindCall (HTTP for
	// Points.award (POST /v1/awards)), so that advice fits the write; zero
	// for the other kinds. Use Primitive.
	Root Kind
	// Desc names what repeats: "POST /v1/orders", "INSERT INTO orders",
	// "kafka-go Writer.WriteMessages", "Redis INCR",
	// "Payments.Charge (an interface method with no body twice can see,
	// named like a charge)",
	// "Client.SaveJob (POST /openApi/saveJob)".
	Desc string
	// Effect is the consequence of running it twice: "the request can be
	// applied twice", "the row can be inserted twice", …
	Effect string
	// Write describes the primitive write behind a KindCall ("POST
	// /v1/orders" for "Client.CreateOrder (POST /v1/orders)"), so that a
	// chain of helpers is named by its first call and its last write only;
	// empty for the other kinds. Use WriteDesc.
	Write string
	// Pos is where the primitive write happens: the call itself, or for
	// KindCall the primitive inside the helper when the helper is in the
	// current package (token.NoPos otherwise).
	Pos token.Pos
	// Posn is the primitive's position as file:line:col (set for KindCall
	// from the fact, also when the helper is in another package).
	Posn string
	// Identity is stable across calls of "the same operation": method and
	// URL expression for HTTP ("http POST /v1/orders"), statement and table
	// for SQL, "func (*pkg.Client).SaveJob" for calls of helpers, …
	Identity string
	// Unsure says why a KindVerb write (also behind a KindCall), judged
	// by a name alone, may duplicate nothing when repeated (Unsure*
	// constants); "" when nothing says so.
	Unsure string
	// FailsUnsent: the call returns an error only when the write was not
	// sent (a fire-and-forget publish that failed to write its frames), so
	// a retry on that error alone does not repeat it (tables.go).
	FailsUnsent bool
}

// Reasons a write judged by its name alone may duplicate nothing
// (Op.Unsure).
const (
	// UnsureSetUp: a create given nothing to create from (no parameter
	// but a context): it sets something up or opens a session.
	UnsureSetUp = "set-up"
	// UnsurePoints: an insert of points stamped with the caller's
	// timestamps, which a time-series store keys them by.
	UnsurePoints = "points"
	// UnsureToken: a create of a token (an access or import token, a
	// credential): a repeat issues a second one, which duplicates nothing
	// a user sees unless the tokens are counted or limited.
	UnsureToken = "token"
	// UnsurePublished: a publish of a resource (PublishFunction,
	// PublishVersion, PublishRelease), not of a message: it makes the
	// resource's current state public, which a repeat usually finds done.
	UnsurePublished = "published"
	// UnsureMutation: a GraphQL mutation whose field is named for neither
	// a create nor a send (reportDeploymentStartup, setStatus): it acts
	// on or sets a state, which a repeat usually leaves as it was.
	UnsureMutation = "mutation"
	// UnsureSession: a create of a session (a message, upload or checkout
	// session): a repeat opens another short-lived handle.
	UnsureSession = "session"
	// UnsureName: a KindVerb write that nothing else makes uncertain, but
	// only its name calls it a send or a create (JudgePurpose).
	UnsureName = "name"
	// UnsurePathless: an HTTP write whose path twice cannot see, which
	// only a Go name calls a create (JudgePurpose).
	UnsurePathless = "pathless"
	// UnsureRawBody: a create in a generated file whose body the
	// function's caller passes as raw bytes (body io.Reader: oapi-codegen's
	// CreateTeamWithBody), so twice cannot see whether it names the new
	// thing (JudgePurpose).
	UnsureRawBody = "raw-body"
	// UnsureLogTable: an SQL INSERT into a log, audit or history table
	// (alert_logs, audit_log): a repeat records the operation a second
	// time, which matters only where those rows are counted or acted on.
	UnsureLogTable = "log-table"
	// UnsureDocAction: a POST whose name only restates its method and
	// path (a generator's CreateNetworkFirmwareUpgradesRollback) or is a
	// bare New or Create, and whose documented summary starts with an
	// action ("Rollback a firmware upgrade", "Verify the account"): it acts
	// on what exists.
	UnsureDocAction = "doc-action"
	// UnsurePart: an upload of one part of a larger upload (uploadSlice,
	// UploadPart, uploadChunk): multipart protocols address a part by its
	// number or offset, so a repeat usually rewrites it.
	UnsurePart = "part"
	// UnsureKeyField: a request whose type has a required field the API
	// documents as an idempotency key (keyfielddoc.go): the caller's key
	// travels with every attempt.
	UnsureKeyField = "key-field"
)

// Primitive is the kind of the write that actually happens: Root for a
// call of a function that writes, else Kind.
func (o Op) Primitive() Kind {
	if o.Kind == KindCall && o.Root != KindNone {
		return o.Root
	}
	return o.Kind
}

// WriteDesc describes the primitive write: Write for a call of a function
// that writes, else Desc.
func (o Op) WriteDesc() string {
	if o.Write != "" {
		return o.Write
	}
	return o.Desc
}

// OpFact is the gob-encodable form of an Op stored in a FuncFact.
type OpFact struct {
	Kind     Kind
	Root     Kind   // see Op.Root
	Desc     string // the primitive write (Op.WriteDesc)
	Effect   string
	Identity string
	Posn     string // file:line:col of the primitive
	Unsure   string // see Op.Unsure
}

// FuncFact summarises a function for its callers in this and other
// packages. The model analyzer exports it; every field is a basic type so
// that it encodes deterministically. Parameter indexes count the declared
// parameters from 0 (the receiver is not counted); -1 means none.
type FuncFact struct {
	// Op: calling the function performs this write (through its body,
	// transitively).
	Op *OpFact
	// HTTPMethodParam is a string parameter holding the HTTP method of the
	// request the function sends (or builds, with BuildsRequest).
	HTTPMethodParam int
	// HTTPMethodField: the method is this field of parameter
	// HTTPMethodParam (an options struct), not the parameter itself.
	HTTPMethodField string
	// HTTPURLParam is the URL or path parameter of that request.
	HTTPURLParam int
	// HTTPURLField: the URL is this field of parameter HTTPURLParam.
	HTTPURLField string
	// BuildsRequest: the function returns an *http.Request built from its
	// parameters (method in HTTPMethodParam or ReqMethod), it does not send.
	BuildsRequest bool
	// KeysRequest: the request the function builds carries an
	// idempotency-key header it sets (keyedbuilder.go).
	KeysRequest bool
	// ReqMethod is the constant method of the request the function builds or
	// sends, when it is not a parameter.
	ReqMethod string
	// ReqPath is the path of the request a builder makes when the builder
	// spells it out around its parameters ("/teams/{…}/syncs/{…}/runs",
	// an oapi-codegen NewXRequest), instead of taking it whole from one.
	ReqPath string
	// RequestParam is an *http.Request parameter that the function sends.
	RequestParam int
	// CopiesRequestParam is an *http.Request parameter that the function
	// returns a copy of (Clone, WithContext, body rewound): the copy is the
	// caller's request (reqcopy.go).
	CopiesRequestParam int
	// SQLParam is a parameter whose SQL text the function executes.
	SQLParam int
	// KeyParam is a parameter the function attaches as an idempotency key
	// to the write it performs; callers' evidence is then that argument.
	KeyParam int
	// OpNameParam is a string parameter naming the operation the
	// function's POST asks for (a JSON-RPC method; rpcop.go): callers'
	// constants decide whether it reads.
	OpNameParam int
	// MessageParam is a message parameter the function sends as a request
	// over a message link (an RPC whose reply it returns; messagerpc.go):
	// the operation the caller's message names decides the write.
	MessageParam int
	// CallsParam is a func-typed parameter the function calls in place of
	// an operation of its own (funcparam.go): a call passing a named
	// function there writes what that function writes. CallsParamArgs are
	// the parameters it passes on, in order (the last spread with ... when
	// CallsParamSpread).
	CallsParam       int
	CallsParamArgs   []int
	CallsParamSpread bool
	// Remote: the body makes a remote call whose kind the classifier could
	// not tell (an HTTP request with an unknown method, a gRPC Invoke, a
	// remote-looking call with no body to see) and no write it could: its
	// callers judge it by its name, as they would a body they cannot see.
	// A function with a body and no fact (or a fact without Op and Remote)
	// writes nothing.
	Remote bool
	// Retries: the function retries, in a retry scope of its own, a write
	// whose kind the caller decides (see ParamRetry).
	Retries *ParamRetry
	// Sends: the function sends a write of its own through a client that
	// retries it by itself (see ClientSend); reported at callers in other
	// packages.
	Sends *ClientSend
	// GetsField, SetsField: the method only returns, or only sets from its
	// one parameter, this field of its receiver (accessors.go).
	GetsField string
	SetsField string
	// DoneAfterWrite is a bool result that every return following the
	// function's writes sets to true, unless it returns an error: a
	// polling step that writes once it sees it is done (donewrite.go).
	// -1 when there is none.
	DoneAfterWrite int
	// FormatParam is a string parameter the function returns formatted
	// with fmt.Sprintf (a URL template filled with escaped values:
	// EncodeURL(urlFormat, args...); urlformat.go); -1 when there is none.
	FormatParam int
	// Idempotent: declared safe to repeat (//twice:idempotent in the doc
	// comment, or the -idempotent flag). Calls are then never mutating.
	Idempotent bool
}

// Primitive is the kind of the write at the bottom of the fact's chain of
// calls.
func (o *OpFact) Primitive() Kind {
	if o.Kind == KindCall && o.Root != KindNone {
		return o.Root
	}
	return o.Kind
}

// AFact marks FuncFact as an analysis.Fact.
func (*FuncFact) AFact() {}

// emptyFact returns a FuncFact with every parameter index unset.
func emptyFact() *FuncFact {
	return &FuncFact{HTTPMethodParam: -1, HTTPURLParam: -1, RequestParam: -1, CopiesRequestParam: -1, SQLParam: -1, KeyParam: -1, OpNameParam: -1, MessageParam: -1, CallsParam: -1, DoneAfterWrite: -1, FormatParam: -1}
}

// IsZero reports whether f says nothing (no op, no parameter roles, not
// idempotent): such facts need not be exported.
func (f *FuncFact) IsZero() bool {
	return f == nil || (f.Op == nil && f.HTTPMethodParam < 0 && f.HTTPURLParam < 0 && !f.BuildsRequest &&
		f.ReqMethod == "" && f.RequestParam < 0 && f.CopiesRequestParam < 0 && f.SQLParam < 0 && f.KeyParam < 0 && f.OpNameParam < 0 && f.MessageParam < 0 && f.CallsParam < 0 && !f.Idempotent && !f.Remote && f.Retries == nil && f.Sends == nil &&
		f.GetsField == "" && f.SetsField == "" && f.FormatParam < 0)
}

// Config holds full names (as types.Func.FullName prints them) from the
// analyzer flags: "example.com/billing.Charge",
// "(*example.com/billing.Client).Charge", "(example.com/billing.Charger).Charge".
type Config struct {
	Mutating   []string // non-idempotent writes in addition to the built-in tables
	Idempotent []string // safe to repeat; wins over everything else
}

// Evidence is the idempotency evidence attached to one mutating call.
type Evidence struct {
	// Keys are idempotency keys sent with the call (Idempotency-Key header,
	// SDK tokens, NATS message ids, SQS deduplication ids).
	Keys []Key
	// CAS: a compare-and-swap precondition is attached (If-Match,
	// ResourceVersion): a repeat after success fails instead of writing.
	CAS bool
	// Positioned: the body is placed at an offset of the target
	// (Content-Range, Upload-Offset): a repeat rewrites the same bytes.
	// Unlike CAS it does not depend on where the value was read, so it
	// also clears a helper that sets it in its own body.
	Positioned bool
	// CreateIfMissing: the call's error is checked with an
	// AlreadyExists/Conflict predicate, so a repeat is treated as done.
	CreateIfMissing bool
	// ContentAddressed: the write is filed under its content's digest (a
	// blob named by its hash, contentaddr.go): a repeat stores the same
	// bytes under the same name.
	ContentAddressed bool
	// Timestamped: the request is a remote write of timestamped samples
	// (keyheaders.go): the receiver keeps one sample per series and
	// timestamp, so a batch sent again adds nothing.
	Timestamped bool
}

// Any reports whether the evidence makes the call safe to repeat, ignoring
// where its keys come from (callers judge Key.Fresh and Key.Origin).
func (e Evidence) Any() bool {
	return len(e.Keys) > 0 || e.Guarded()
}

// Guarded reports whether the call carries its own guard against applying
// twice (a precondition, a position, an already-exists check), whatever
// the keys.
func (e Evidence) Guarded() bool {
	return e.CAS || e.Positioned || e.CreateIfMissing || e.ContentAddressed || e.Timestamped
}

// Key is one idempotency key attached to a call.
type Key struct {
	Name string   // "Idempotency-Key", "MessageDeduplicationId", "nats.MsgId", …
	At   ast.Node // where the key is attached (the Header.Set call, the field, the option)
	// Value is the key's value expression as written where it is attached.
	Value ast.Expr
	// Origin is where the value is produced: the right-hand side of the
	// single assignment of the variable it is read from, followed through
	// local variables, or the declaration of the parameter (or variable
	// with several assignments) it comes from; Value's position otherwise.
	Origin token.Pos
	// Fresh: the value is generated anew each time it is evaluated
	// (uuid.New, rand, time.Now, …). A fresh key produced inside a retry
	// scope is a new key per attempt, which protects nothing; a key
	// derived from stable data (an order ID) is safe wherever it is built.
	Fresh bool
}
