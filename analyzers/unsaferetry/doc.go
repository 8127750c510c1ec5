// Package unsaferetry defines an Analyzer that reports mutating,
// non-idempotent operations inside retry scopes.
/*
# Analyzer unsaferetry

unsaferetry: report non-idempotent writes that a retry runs again

A retry repeats an operation whenever an attempt looks failed. An attempt
that timed out, or whose connection broke after the request was sent, may
nevertheless have succeeded: the server created the order, the row was
inserted, the message was published — only the response was lost. Retrying
a POST, an INSERT, a publish or a Redis INCR then performs it twice.

The analyzer reports each such write inside a retry scope:

  - a function literal, a local variable holding one, a method value or a
    named function passed to a retry library: avast/retry-go (retry.Do,
    retry.DoWithData), cenkalti/backoff v4 and v5 (backoff.Retry and
    friends), sethvargo/go-retry (retry.Do, retry.DoValue) — unless the
    call bounds it to one attempt with a constant (retry.Attempts(1),
    backoff.WithMaxRetries(b, 0), backoff.WithMaxTries(1),
    retry.WithMaxRetries(0, b), written in the call, wrapped, or in a
    local options slice; retry-go's Attempts(0) retries until success),
    k8s.io/apimachinery wait (ExponentialBackoff*, Poll*), client-go's
    retry.OnError, terraform-plugin-sdk's retry.RetryContext and
    resource.Retry (only RetryableError goes round), and the activities a
    Temporal workflow schedules (workflow.ExecuteActivity and
    ExecuteLocalActivity: the server runs a failed or timed-out activity
    again, without a limit by default; silent when the workflow sets
    MaximumAttempts 1, or a count it computes), and gax.Invoke, through
    which Google's generated Cloud clients make every call, when a
    gax.WithRetry option is in sight: passed in the call, or in the
    literal the package sets the method's call-options field to (the
    generator's defaults retry some methods on Unavailable or
    DeadlineExceeded; a method whose defaults have none runs once). Newer
    generated clients call each RPC through a helper that runs the method
    value it is given (executeRPC(ctx, c.client.CreateX, req, …)): a
    helper that calls its func parameter is judged by the function it is
    given. A create of AIP-133 shape (a parent and the resource) is one
    the server names unless the request, or the resource, carries its id
    (CreateXRequest.XId, Template.Id) or a field the API documents unique
    ("unique within the agent"): the resource's Name is the server's. An
    id the package's generated REST code sends only when set is optional:
    by default the server names the thing, and the message says which
    request fields (the id, a RequestId) make a repeat harmless.
    A message handler registered with go-nsq's Consumer (AddHandler,
    AddConcurrentHandlers: a func converted to nsq.HandlerFunc, or a value
    of a concrete type whose HandleMessage runs) and a task handler
    registered with asynq's ServeMux (HandleFunc, Handle) or served by its
    Server (Run, Start), a River worker (river.AddWorker, also of a
    river.WorkFunc) and a Watermill router's handler (AddHandler,
    AddConsumerHandler, AddNoPublisherHandler) are retried too: an error
    they return has the message requeued (or nacked) and delivered again,
    or the task or job retried (25 times by default); a handler known
    only as an interface is unknown.
    retry.RetryOnConflict and CockroachDB's ExecuteTx are
    safe by design and never reported; wait.Until, wait.JitterUntil and
    wait.Forever run their function periodically whatever it returns, so
    they are not retries either;
  - a request sent through a retrying client: hashicorp/go-retryablehttp's
    Client and the *http.Client from its StandardClient(), in the
    variable or field that holds it or in a local copied from one (`client
    := c.httpClient` before a fall back to http.DefaultClient); a
    StandardClient whose Transport is then set to a plain one no longer
    retries, since its retry lives in that transport (a request
    handed to a generic do function is followed through
    retryablehttp.FromRequest and WithContext, also written in the Do
    call), resty v2 with
    SetRetryCount(n > 0), resty v3 with SetRetryCount and
    SetAllowNonIdempotentRetry(true). A count held in a variable retries
    when the variable starts from a positive constant (`maxRetries := 3`,
    overridden from an option), and so does one held in a field the
    package gives a positive default (a builder's `retryCount: 3`); a
    count read only from configuration is unknown and not reported.
    Retry conditions (AddRetryCondition) replace resty's own "retry on an
    error": a client whose every condition holds only on a refusal (a 429)
    repeats no write, one with a condition that may hold after the request
    ran (no response, a dropped connection) does. A request or client
    a function of the package returns (m.r(ctx) returning
    m.rc.R().SetContext(ctx)) is judged by the client it comes from, and
    so is the request a helper of the package hands to the callback it is
    given (`c.do(ctx, func(r *resty.Request) (…) { return
    r.SetBody(req).Post("/contacts") })`, also through helpers passing the
    callback on). A function that sends through a resty
    client it takes as a parameter (an SDK's request functions in another
    package) is judged at each call that passes a client configured to
    retry. A function that returns a resty client configured to retry
    from every return (a family's shared client.Build) is known to other
    packages by a fact: the client it returns retries like one configured
    in place, also when its R() is handed to such a function. An *http.Client whose Transport re-sends writes retries every
    request too: a PuerkitoBio/rehttp transport whose retry function can
    re-send a POST after temporary or timeout errors or a 5xx (RetryAll is
    read as "and", RetryAny as "or", RetryHTTPMethods("GET") keeps writes
    out, RetryStatuses(429) retries only a refusal), or go-retryablehttp's
    RoundTripper, or a transport type of the module itself whose
    RoundTrip re-sends the request in a retry loop that does not go round
    only on refusals, puts the body back (GetBody, or a buffer assigned to
    req.Body) and reads no req.Method (a transport that retries only GETs
    repeats no write; one that never restores the body fails a second
    attempt of a request with a body), also wrapped in another transport
    and also declared in another package (known by a fact). A client a
    constructor installs through the package's own option
    (opts = append([]ClientOption{WithHTTPClient(rc.StandardClient())},
    opts...), the option setting an interface-typed Doer field) retries
    what is sent through that field's Do; in a generated file (such a
    constructor is the generator's template) the finding is still
    reported, with the fix to change the constructor's default, and a
    create whose body the caller passes as raw bytes (CreateTeamWithBody)
    is a check, since its typed sibling is where a name would show. A
    function that
    returns such a client from every return (an SDK's NewHTTPClient) is
    known to other packages by a fact, so the client a constructor stores
    in a field retries what the SDK's methods send through it;
  - a generated gRPC client's call in a package that builds a
    go-grpc-middleware retry interceptor with WithMax(n > 0) in a
    dial-options helper (the connection dialed with the options spread), or
    calls another package's function returning such dial options (known by
    a fact), as long as the package dials no plain connection beside it;
  - a Kafka send whose package sets its producer's retries: sarama's
    SendMessage(s), or a message sent to an AsyncProducer's Input(), with
    Producer.Retry.Max > 0 and Producer.Idempotent off,
    kafka-go's Writer.WriteMessages with MaxAttempts > 1 (the writer has no
    idempotent mode), confluent-kafka-go's Produce with "retries" (or
    "message.send.max.retries") > 0 and "enable.idempotence" off, franz-go's
    Produce(Sync) with DisableIdempotentWrite(). The libraries retry by
    default too; a default alone is not reported, only a setting the
    package chose;
  - a go-redis command (v8 or v9, a client, a pipeline or Cmdable) in a
    package that sets MaxRetries in any of go-redis's option structs (to a
    constant above zero, or, from v8 on, where 0 means 3 retries and only
    -1 turns them off, to an explicit 0 or to a value passed on from its
    settings, which retries unless it is negative; before v8, 0 meant no
    retries, so a passed-on value is unknown), or that takes its options or
    clients from another package's function that does (a config package's
    RedisOptions(), a pool's Get(addr)):
    go-redis sends a command again after a read timeout or a dropped
    connection, which can follow its execution, so an INCR, LPUSH, XADD or
    PUBLISH can run twice (reads and absolute SETs are not writes that
    repeat; the default of 3 retries alone is not reported, as for Kafka).
    Transactions are not re-sent after a read error: commands queued by
    TxPipelined or TxPipeline, on a *Tx or a pipeline of one are silent,
    and so is a pipeline handed in as a parameter, which may be either.
    A pipeline held in a field of the package's own wrapper type, given
    only a client's Pipeline(), is plain: the INCR a wrapper queues on it
    (b.wrapped.Incr(ctx, key)) is sent through the client's retries at Exec;
  - an AWS SDK v2 operation of a messaging service (SQS, SNS, Kinesis,
    Firehose, EventBridge) in a package that sets the SDK's attempt count
    above one, or to a value it passes on (config.WithRetryMaxAttempts,
    aws.Config's or the client options' RetryMaxAttempts,
    retry.AddWithMaxAttempts, a standard retryer's MaxAttempts), or that
    takes its aws.Config or client from another package's function that
    does: the SDK sends the operation again after a 5xx or a dropped
    connection. Operations with an idempotency token keep one token for
    every attempt, and the other services' operations are judged only
    inside the program's own retries;
  - a loop that switches on a classification of the attempt's error
    (`switch r.class.Classify(err) { case Succeed, Fail: return err; case
    Retry: … }`, go-resiliency's retrier): the case named for success must
    leave and another must go round;
  - a loop whose decision to go round is kept in a variable named for it,
    set by a predicate of the attempt's error (`u, retryable =
    c.checkRetryable(u, resp, err); if retryable { continue }`): the
    predicate's body, when twice has it, is read for refusal-only retries;
  - a hand-written loop whose repetition depends on the operation's own
    error or response: it leaves the loop on success (`if err == nil`,
    also `if err == nil || i == max`, a 2xx status, `resp.StatusCode <
    500`) and goes round again on failure or on a 5xx (in an if, a switch
    on the error or on the status, or the loop condition, also behind a
    first-attempt guard: `for i := 0; i == 0 || err != nil && i < 3; i++`).
    A status divided into its class counts as the class:
    `resp.StatusCode/100 != 5` leaves on every non-5xx status, `switch
    code / 100 { case 5: continue }` goes round on every 5xx (also when the
    status was first copied into a variable, `code := resp.StatusCode`).
    A gate bounded by the attempts left (`if resp.StatusCode >= 500 && i <
    maxRetry { continue }`) or naming a refusal beside a 5xx (`code == 429
    || code >= 500`) goes round on the 5xx all the same, and so does one
    that leaves out a status in the same test (`code >= 500 && code !=
    501`).
    A function that calls itself again, after a failure, with an attempt
    counter advanced (`return c.send(ctx, req, attempt+1)`) or with its
    own parameters passed back unchanged on the same receiver (`return
    c.Execute(req)`, the count kept in a header or a field) repeats the
    calls before that call; a call with other values (the next page, a
    child node, a reassigned parameter) is not a retry, and one reached
    only after a refusal (a 401 with a refreshed token) repeats nothing.
    A label followed by statements that jump back to it (`retry: … if
    err != nil && retries > 0 { retries--; goto retry }`) is judged as
    such a loop: `goto retry` goes round, running past the last statement
    leaves.
    A loop that goes round only when a predicate the package's caller
    supplies says so (a func field set only through an exported option
    such as WithRetryFunc(fn), nil by default) repeats nothing on its
    own: the retry is the caller's choice, and it is not reported. So
    does a loop bounded by a field of the package's own struct that
    nothing in the package sets to a positive number (`for i := 0; i <=
    c.retries; i++` with c.retries set only by WithRetries(n), an
    exported MaxRetries field or a config field without default): as
    shipped it sends once. A default of the package's (a constructor's
    literal, `if n == 0 { n = 3 }`, a `default:"3"` tag, a constructor
    parameter every user must fill in, a copy of an options field with a
    default) makes it a retry, and so does a count in another package's
    struct, whose defaults twice cannot see.
    A loop over a retry timer's ticks (`for range c.newRetryTimer(…)`, the
    values received unused) repeats the same request and is judged the
    same way; success may be found by a search of a list of success
    statuses that returns. Attempts may sit in a select nested in a
    select's clause (a cancellation check around the ticker's select), and
    a module's own helper whose operation returns whether to go round
    (`needRetry, err = op(); if !needRetry { return err }`) is a retry
    helper. A request function that retries only in the branch where the
    method is GET retries no write. A select clause that always leaves the
    loop (a deadline's clause reporting and returning, beside a polling
    clause) runs once, and so do its calls. A polling step that writes
    only once it sees it is done (`ok, err := converged(…)`: every return
    after its write gives true or an error) in a loop that leaves on done
    and on an error goes round only before its write. An element a
    counter loop picks by its counter (`target := voters[(me+1+attempt)%n]`)
    changes each round, as a range loop's item does; a counter passed to
    the attempt as it is numbers the attempts when it is named for them
    (`attempt`, `try`) or bounded by a retry count (`for i := 0; i <=
    o.Retries; i++`, `i < maxAttempts`). The attempt may be a closure the
    loop calls (`call := func() error {…}` before the loop), also from a
    goroutine started each round whose result the loop waits for (`go
    func(i int) { ch <- call(i) }(i)`, then `err := <-ch`, also in a
    select beside a deadline): its body runs again on every round. A
    variable of the loop condition given a constant that ends the loop
    once the attempt went through (`for i := 0; i < 3 && !sent; i++ { …
    sent = true }`, `for retry := true; retry; { … retry = false }`, `for
    retries > 0 { … retries = 0 }`, also written `for { if retries > 0 {
    … } else { break } }`) leaves the loop as a break would.
    Loops over distinct items, pagination, polling and consumer loops
    (a call on a value received from a channel in the same round: `case
    msg := <-msgs:`) are not retries, and neither is re-running a pump (a
    function whose own loop writes what it receives from a channel, run
    again after its connection closed, or a function starting a worker
    goroutine that does so: the next run writes the next items), nor is
    re-running a function whose only write is a clean-up on the way out
    of a failure (`if err != nil { send a close request; return err }`),
    nor is a gRPC handler's Send on its own server stream (a reply to its
    caller, not a write), nor are loops that go round only on
    401/403/407/429 or 413 (the server refused the request without executing it) or only on specific
    application errors (errors.Is(err, ErrStale), `if err != ErrStale {
    return err }`, a *QuotaError, a module's error code, an error number
    compared to a constant named for a database's deadlock or
    serialization failure: `m.Number == ErrLockDeadlock`, a database's
    message for a transaction it aborted and rolled back read from the
    error text, "could not serialize", "deadlock detected", "duplicate
    key", or pgconn.SafeToRetry, true only before anything was sent): a loop that
    also goes round on an ambiguous
    outcome (any error, a timeout, EOF, a closed or reset connection, a
    5xx, a sentinel declared with such a text) is one. A 503 Service
    Unavailable is both: an overloaded server or a load balancer with no
    healthy upstream did not handle the request, a proxy whose upstream
    broke mid-request may have. A retry that goes round only on refusals
    and 503 is therefore reported only with -unsaferetry.confidence=low.
    An error from net/http's client compared with a sentinel by == (`err
    == io.EOF` after Do) never matches, since the client wraps every error
    in a *url.Error: the branch it guards repeats nothing (errors.Is
    unwraps and can match).
    A loop that goes round only when a helper's error is nil (`if err :=
    m.handleRateLimit(resp); err != nil { return err }`) is judged by the
    helper: one that returns nil only after a refusal (a 429) and an error
    for every other answer repeats no write. So does an error filter the
    loop calls after leaving on success (`if err == nil { return }` first,
    then `if err = filterRateLimit(err); err != nil { return err }`) that
    returns nil only for a refusal type (`err.(*RateLimitedError)`) and
    hands every other error back.
    A gateway's "busy" answer is a refusal too, and so is an error made
    from a Retry-After header (a server names a time to come back when it
    refuses), and so is a service's error code or reason that names a
    refused credential or a rate limit (`e.Error.Code ==
    "InvalidAuthenticationToken"`, "expired_token", "RateLimited": a
    client that re-sends after refreshing its token re-sends what the
    server refused); errors.Is and errors.As of github.com/pkg/errors,
    golang.org/x/xerrors and cockroachdb/errors are read as the standard
    library's. An error text is
    read through strings.Contains and through a regexp matched against
    it (`reErrorBusy.MatchString(err.Error())` with a pattern compiled
    from a constant). A policy that depends on the request's method
    (`shouldRetry(resp, req.Method)`: GET on 429 and 5xx, other methods
    on 429) is read for writes: a test for GET, HEAD, OPTIONS, PUT or
    DELETE is false for every request twice reports.
    An attempt that hands its loop the response status as an int (`return
    resp.StatusCode`, or an error code of its own when the request failed)
    is tested like the status itself, and a predicate named for retrying
    given it (`if l.shouldRetry(status) { sleep(); continue }`) is a
    failure test; so is a type assertion of the error made in the if
    statement (`if herr, ok := err.(httpError); ok && herr.Timeout() {
    continue }`), unless its type names a refusal;
  - a function calling itself again with its attempt counter advanced
    (return c.send(ctx, req, attempt+1));
  - a second attempt written out: the same call (same function, receiver
    and argument expressions) made again on the way only its error opens
    (`resp, err := c.hc.Do(req); if err == nil { return resp, nil }; …;
    resp, err = c.hc.Do(req)`, also `return c.hc.Do(req)`), unless that
    way demands a refusal; a second send decided by the first response is
    resend's;
  - a requeue: a range loop over a channel that puts a failed message back
    with its attempt counter advanced, or a method that puts the batch it
    was handed back into the buffer channel it is drained from when its
    send failed, or that puts a request it was handed back there after
    counting its attempts (`r.retries--; if r.retries > 0 {
    time.AfterFunc(r.delay, func() { p.requests <- r }) }`), also later or
    from a goroutine (code of the package receives from that channel and
    calls the method again; a dead-letter channel nothing drains into the
    method is not a requeue), or a function that returns, after a failed
    send, its batch from the failed chunk on, to a loop that passes the
    result back to it (`msgs = l.post(msgs)` on every tick: the chunk is
    posted again; a function that drops the failed chunk retries nothing);
    a method taking nothing but its receiver that posts a body made of
    fields set when the receiver was made, which the package calls on a
    timer (`for range time.Tick(6 * time.Hour) { r.postSchemas() }`), is
    not reported: the program sends that same request every period, so a
    retry's repeat is one the server already takes;
  - a func argument of a retry helper: any function, in this package or a
    dependency, that retries one of its func parameters (found by the
    analysis and exported as a fact), and the functions named by
    -unsaferetry.retryfuncs. A retry executor that holds the operation in
    a field of its receiver (`ex := RetryExecutor{ExecutionHandler:
    func() (bool, error) { … }}; ex.Execute()`) retries the function its
    caller puts in that field, and a constructor that stores its func
    parameter in such a field (`NewRetriableBatcher(opts, p.out, …)`, whose
    Out method retries b.outFn) is a helper of that parameter: the batcher's
    workers call Out, its callers never do. A helper that retries a SQL transaction only
    when it failed before COMMIT does not repeat the statements run
    through the transaction; one that also retries a failed COMMIT does.
    A helper that calls its func parameter with its own parameters
    (`run(fn, request, …)` calling `fn(request)`, and a `Run` passing both
    on) retries the call its caller describes: `c.retrier.Run(c.client.Do,
    req)` repeats `c.client.Do(req)`, judged by the request (a generated
    client's runtime: `Caller.Call(ctx, &CallParams{Method:
    http.MethodPost, …})` is then reported at each SDK method passing a
    POST, and at its users' calls when the SDK method is generated). An
    operation a function of the package builds and returns as a closure
    (`retries.Poll(ctx, t, c.attempt(ctx, method, url, body))`) is retried
    as that closure, whose builder's parameters decide the request.

Func literals are found in function bodies and in package-level variable
initialisers (var handle = func(…) error { return retry.Do(…) }).

A message sent on a gRPC client stream is judged by the streaming RPC's
name, not by the word Send: it is a write on a stream named like one
(Publish, AppendRows, Write, Upload), and nothing on a stream that reads or
subscribes (Listen, Watch, StreamingPull), renews a lease (LeaseKeepAlive)
or is named for a channel or session (ControlChannel, Connect): a host that
re-opens its control stream after an error and says hello again opens a
new session, and what its messages do is unknown. An error from a
stream's Send means the stream broke before the message was handed over,
so a loop that goes round only on that error sends nothing twice; one
that also waits for the server's answer (Recv, CloseAndRecv) does.

Writes are POST and PATCH requests, INSERTs and relative UPDATEs, message
publishing (brokers, stream puts, job enqueues), email sends (also the
Data call of an interface shaped like net/smtp's Client, behind which mail
libraries keep their connection), MongoDB
inserts without a fixed _id and $inc/$push updates, accumulating Redis
commands, the functions named by -unsaferetry.mutating, and any function
that performs one of these. A POST that reads is not a write: a search,
query, evaluation, inference or token endpoint (/_search, /query, /check,
/evaluate, /embeddings, /oauth/token, /keys/{id}/encrypt, :batchGet,
{+resource}:testIamPermissions), model inference (a request naming a
Model with a prompt, messages, a token limit or a temperature: a
generated message, response or image stores nothing), a
log-in (/auth/login: it issues another token), an action on the caller's
token (/auth/token/renew, /token/revoke), an operation named like a
read (/twirp/…/ListOrders, a GetOrder function posting JSON-RPC, ACME's
postAsGet, a yes/no question such as HasUniqueRoleAssignments), an OAuth2 token request (a grant_type form, or a helper that
keeps the refresh_token of the grant its caller passes), a GraphQL query
document, a filter query (doFilterItems, …/filter/paths) or the status of
an operation (…/configImportStatus). A GraphQL mutation is judged by the
field it selects (`mutation { createIssue(…) }`, or the graphql tag of the
struct given to Mutate), not by the Go function around it: a status
report (reportDeploymentStartup) is an action, reported only at
-confidence=low as a check. A path template filled in place (p := "/stores/{id}/check"; p =
strings.Replace(p, "{id}", id, -1), as generated clients do) is read as its
template, and so is the path template a Google generated client resolves
(googleapi.ResolveRelative(base, "projects/{projectId}/jobs/{+jobId}/cancel")).
Paths are read through the helpers clients build URLs with: a function
returning fmt.Sprintf of its format parameter (core.EncodeURL(base+
"/events/%v/retry", id) is /events/{…}/retry, also from another package),
one returning its URL parameter with only a query added, an endpoint
builder joining the path parts its caller passes onto a *url.URL
(c.createEndpoint("auth", "tokens"), also returning (URL, error)), a
request builder taking that URL as a *url.URL or fmt.Stringer, and a
builder appending an options struct's entity to the URL's Path with
Sprintf (c.buildUri(input.Uri) for Uri{Entity: "/groups"}). A request
passed through user middlewares (r, err := m(req); req = r) is still the
caller's. An OData reference add (POST …/owners/$ref) and a POST to role
assignments add an entry to a set, which a repeat finds there.
Nor is a POST that puts one existing resource in a state
(/projects/{id}/archive, /issues/{id}/subscribe, /keys/{id}/enable,
/payments/{id}/cancel, /leases/{id}/renew): repeated, it finds the state
reached or is refused. The caller's name judges a helper's POST only when
the helper's own name is a generic transport (post, sendRequest, doCall):
ConfigureProvider calling SendUsage still sends a usage report. A request option that makes a helper's POST a PUT
(`postMessage(ctx, url, body, func(r *Request) { r.Method = http.MethodPut
})`) sends a PUT, and a payload field named for deduplication or
idempotency that the package fills (PagerDuty's dedup_key, a client token)
is a key;
actions under a member that make something new (/jobs/{id}/retry,
/charges/{id}/refund) stay writes. Nor is a POST that creates a thing under
a name the caller chose: the path ends in it (POST /secrets/{SecretKey}
from the request's field or a parameter named for the collection's noun),
or a resty request's typed body names it (CreateFolderRequest{Name} for
POST /v1/folders, a batch of named secrets); a repeat is refused as a
duplicate. Nor is a message sent on a request–response link whose
properties name an operation that reads or presents the client's token
(an AMQP management "operation": a peek-message, a READ, the
claims-based security put-token). A PATCH whose payload is a struct that
only sets fields (no append, add, increment or op member) is idempotent,
also when the payload went to the builder the sending call was made from
(a generated client's svc.Datasets.Patch(id, ds).Context(ctx), its Do()
retried later); one
that appends or whose payload has no visible shape is a write. A loop that
leaves on any failure of a payload-less fetch and goes round only on the
fetched status is a poll, not a retry. A retry predicate kept in func values
(a slice of retry conditions) is read through every value the package stores
there. A function whose body was analyzed is judged by what it does, never
by its name alone, and a concrete function of a package twice has no facts
for is unknown (silent). Calls named like a create or send are writes only
when there is no body to judge (a method of an interface with no known
implementation, a func value, an aws-sdk-go v1 operation other than its
known publishes, whose HTTP call
is made by a handler that Request.Send runs), and never when the signature takes and
returns a byte slice (an in-memory encoder), registers a local callback,
names an upsert (CreateOrUpdate, CreateIfNotExists) or a protocol signal
(acks, heartbeats, a lease keep-alive), or belongs to an interface named for
a callback role (…Listener, …Delegate, …Observer, …Callback). Such
name-only writes are checks, reported (by resend too) only at
-unsaferetry.confidence=low ("check: only its name says it creates
something …"): on real modules they were right about one time in
thirteen, since what a repeat does is up to a body twice cannot read. A create
judged by its name is not a write when it passes a name or id of the thing
it creates that the caller chose (a name parameter, a Name, ID, Key or Tag
field, queueName for CreateQueue, Bucket for CreateBucket, the head and
base branches of a pull request; for a request built out of sight, a type
with such a field): most APIs key
what they create by it and refuse a repeat (409, 422 already_exists) or
answer with the first result; an id of the thing given as a uuid or ulid
counts, and so does a uuid made before the retry (every attempt uses it).
A resource type's ID field counts only when the package lets its caller set
it: a hand-written method of the type assigns a parameter to it
(Application.Name(id) sets ID; generated SetId setters do not count, since
generators write one for every field, server-assigned or not). A
parent's id (issueID for CreateComment), a name made fresh in the attempt
(inside the retried func literal or loop), a name set only on some paths to the
create (`if name != "" { req.Name = name }`), a record filed under a
shared name (DNS records) and a draft (Draft: true) keep the finding. A
create judged by its name and given nothing to create from (no parameter
but a context: CreateHostRules(), CreateSession(ctx)) sets something up or
opens a session, which a repeat finds in place or opens again: it is
reported only at -confidence=low, as a check. A registration judged by
its name that gives the address of what it registers (a request with a
Host or IP and a Port: RegisterInstance) is keyed by it, as service
registries store one instance per service and address: not a write. So is
the registration of something that registers itself (an agent, a node, an
instance, a worker, a device) whose request carries its own identity
(InstanceIdToken, AgentId, NodeID): the registry keeps one entry per
identity. So is an insert judged
by its name alone whose request carries the timestamps of what it
inserts (InsertRecord, InsertTablet with a Timestamp or TimestampsList
field), or a post, send, write or report of measurement points (structs
with a timestamp and a value, as metric values are): a time-series store
keys points by series and timestamp and overwrites a repeat, so these are
checks; an insert without them (rows a store gives new ids) stays a
finding. A Path the caller chose (CreateTimeseries,
CreateFile, a PrefixPath; also a FullName or QualifiedName), or for a
batch create a slice of Paths or Names, names the created thing like a
Name does. A create that POSTs to a singular sub-resource of a parent the
path names, the thing its name makes (CreateIndex to
/logstores/{…}/index), makes the one the parent has: a second is refused
or replaces it, so it is reported only at -confidence=low, as a check.
So is a create of a token (CreateImportToken, CreateAccessToken): a
repeat issues a second credential, which duplicates nothing a user sees
unless the tokens are counted or limited. So is a create of a session
(CreateMessageSession, POST …/sessions, also through a bare Create): a
repeat opens a second short-lived handle or is refused. So is a parent's
configuration (POST /projects/{…}/bgp-configs, …/settings): a parent has
one. So is an entry added to a set (…/members, relationship tuples at
…/warrants, AddGroupMember, …/service_bindings): the same entry again is
no new one. So is an SQL INSERT into a log, audit or history table
(alert_logs, audit_log): a repeat records the operation twice, which
matters only where those rows are counted. A Go constructor's name
(NewUserClient) says what it builds in memory, not what a request it sends
on the way does. Acquiring or claiming existing things (AcquireJobs),
checkpointing a run's progress, shutting down, marking, banning and
restoring are actions. An operation's variant taking a context
(CreateTagsCtx, postCtx) is judged as the operation, and a camel-case path
segment that starts with a verb (/transfer/banPeers, /torrents/createTags)
is an RPC operation judged by that verb, not a collection. A generated
resource whose name or id field is documented "Required." is named by its
caller (a create of a model under its full resource name). So is a publish of a resource
rather than a message (PublishFunction, PublishVersion, PublishRelease):
it makes the resource's current state public or versions it, which a
repeat usually finds done. So is a create whose receiver
reads the created thing back with a getter
given no id (CreateLogging(detail) beside GetLogging()), unless the
receiver also lists it (ListLoggings): the resource it stands for has
one.
An SDK method through a generic sender named for a state change
(StartInstance, Suspend) is not a write, but one that starts a new run
(StartBatchJob, StartExecution, StartExport) is. A
Kubernetes create (client-go's and controller-runtime's, or any
interface's Create* given an object that embeds metav1.ObjectMeta, as
generic controller clients take) is a write only when the object gets a
new name on every call (metadata.generateName, a fresh name): the API
server refuses a repeat of a fixed name. A generic transport judged by
its name (an interface Send or Do) inside an operation named like a read
(DescribeHost) is that read's transport. An unexported
interface's method, or an exported interface's sealed by an unexported
method (or one of an internal package, or of a command's package main,
which nothing can import), is judged by its package's
implementations: when every implementation writes on evidence (a request, a
statement), whatever the method is called; when only some do, only if the
name also reads as a write. The types of the packages it imports that
implement it count too: an interface a wrapper declares over its client
(a test seam holding go-amqp's *amqp.Sender or kafka-go's *kafka.Writer)
publishes through that client. So does an exported interface of the
package itself with several methods (a KafkaClient of kgo.Client's
ProduceSync, Close and ForceMetadataRefresh); a one-method role (Data,
Write) that many imported types fill is left to its name. A value of any exported interface that
the function built itself with a constructor of a package analyzed from
source (m, err := rules.New(cfg)) can only be of a type that package or
its imports declare: when all of those implement the method without a
write or an unknown remote call, the call is clean. A call through a field
of an SDK's client struct typed as the SDK's own exported service
interface (client.Domains.CreateRecord, where the SDK's constructor sets
Domains to its DomainsServiceOp) reaches an implementation that package
declares, and is judged by those implementations too: a CreateRecord that
POSTs to a collection is reported, a CreateTag that PUTs under a name is
not. A create
judged by a name also keeps silent when the created thing travels nested
in the request (CreateRoleRequest{Entity: &RoleEntity{Name: n}}), and an
account-like thing (a user, credential, subscriber or contact) created
with a username or e-mail: those are unique. A generic sender handed a
request description whose Method can be read (a Kiota RequestInformation
built with abstractions.PUT) is judged by that method. An SDK method that
sends through a retrying client and finishes one resource its caller
names by id (CompleteMultipartUpload(ctx, name, uploadID), ConfirmPayment(
ctx, paymentID)) is not reported: a repeat finds the resource finished or
gone, and makes nothing new. A call named like an
opening (Create…, New…, Open…, Dial…, Connect…) whose first result has a
Close method opens a handle — a producer session, a remote shell, a local
database — and is not a write, whatever its body sends to open it; what is
sent through the handle is judged where it is sent. A loop whose attempt
returns a verdict rather than an error is driven by the verdict's error
field or accessor (v.Err, v.Err()). A request rebuilt in each
attempt around a bytes or strings reader made once, before the retry loop,
is not re-sent whole: the first attempt reads the reader to its end, and the
next request is built around what is left, so the server is sent an empty
body (the retry is broken, but nothing is applied twice). A loop that makes
a new reader, seeks it or refills it does re-send the write, and so does a
request built once and sent again: http.NewRequest gives it a GetBody, and
the client sends the whole body on every Do. A
fire-and-forget publish whose error means the message was not sent (AMQP
0-9-1 Publish without confirms, core NATS Publish) is not repeated by a
retry that only its own error sends round: a confirm awaited, a channel
read or another fallible call after it keeps the finding.

A helper that retries a request whose HTTP method (or SQL text) its caller
passes — as a parameter, in an options-struct field, through wrappers —
is reported at the call that passes the write: "POST /v1/payments is
retried by Client.do, which sends it again inside a retry loop", with the
helper's retry as related information. So is a request value that
retries itself (r := apiRequest{method: http.MethodPost, uri: "/servers"};
r.execute(ctx)), its method building the request from its own fields. A
path the helper trims (path = path[1:], strings.TrimPrefix(path, "/"))
and resolves against its base URL is still the caller's path, and the
message names it. A wrapper that reaches the
retrying helper only for some methods (`if method == "POST" || method ==
"PUT" { once } else { retry }`, or an early return for a POST) is judged
by the caller's method: a POST sent once is silent, a PATCH retried is
reported. A helper that only gives the
parameter a default when it is empty, or normalizes it (`method =
strings.ToUpper(method)`), still sends the caller's method. Calls passing
GET, PUT or DELETE stay silent, and so does a request whose builder adds an idempotency key
to every write it builds (an SDK's NewRequest): the retry re-sends the same
key. Generated clients' request cores are read the same way: a constructor
builds a request config from the method and path it is given (keeping the
*http.Request in the config's Request field), and a method of the config
re-sends a clone of that request through a handler chain ending in
(*http.Client).Do, so ExecuteNewRequest(ctx, http.MethodPost,
"v1/customers", …) is "POST /v1/customers is retried by
RequestConfig.Execute"; a core that sets an Idempotency-Key once per call
before its loop is silent. A helper that retries a request–response exchange over a message link
(an AMQP management RPC) for the message its caller gives is judged the
same way, by the operation the caller's message names: "message operation
com.microsoft:schedule-message is retried by Link.RetryableRPC"; peeks,
receives, token presentations and state changes (renew-lock,
cancel-scheduled-message) stay silent, and so does the helper itself.

A method that implements an interface whose method a retry of another
package calls again is judged where its body is: a notifier that retries
each registered Sender's Send, with the senders in packages that import it
and register themselves, cannot see their bodies (it judges the call by
name, a check), so the facts carry the retry to the implementing packages,
and a Send that POSTs is reported at its declaration ("sender.Send (POST
request) inside a retry loop in notification.Manager.Send, which calls it
through notification.Sender (notification.go:51), runs again on every
retry"). Interfaces of the standard library are left out, and so is a
retry that goes round only on refusals.

A write filed under the digest of its content (a request whose resource
name, key, path or URL is built from a hash or digest: a remote-execution
CAS upload, an OCI blob) stores the same bytes under the same name however
often it is sent, and so does a write placed at an offset of its target
(a WriteOffset field, like a Content-Range header): neither is reported.
Nor is a POST that submits content its receiver files under the content's
own hash: an IPFS add (…/ipfs/add, /api/v0/add: stored under its CID) and
a signed transaction submitted to a ledger (…/tx/submit, …/txs/broadcast:
the chain knows it by its hash and refuses a second copy).

A payload filled out of sight (a parameter, a helper's result, the request
a generated call builder was given) carries the ids its type holds when
the package fills them anywhere outside tests: a request id (RequestId), a
per-row insert id (InsertId), a client token or dedup id, or the
payload's own id (a Job's JobId, the JobId of its JobReference). The
service drops the repeat or refuses a second resource under the same id.
A literal shows what it fills, so a literal that leaves the id out is
reported, and so is a payload whose id the package never fills. A
message's own id is not such evidence: brokers drop a repeated id only
when duplicate detection is on.

For example:

	err := retry.Do(func() error {
		_, err := c.http.Post(c.baseURL+"/v1/orders", "application/json", body) // reported
		return err
	}, retry.Attempts(3))

is reported with: POST /v1/orders inside retry.Do (avast/retry-go) runs
again on every retry; the request can be applied twice if an attempt
succeeded but its response was lost. When the retried thing is a named
function or a method value (retry.Do(c.createOrder)), the report is at that
argument, with the write inside the function as related information (for
a function of another package, when the driver loaded its source). The
message names the mechanism: "inside sendWithRetry, which calls itself
again with attempt+1 after a failure" for recursion, and for a transaction
helper that also re-runs the transaction when COMMIT failed it says that
the INSERT may already be committed.

How to fix: send an idempotency key created once, before the retry (an
Idempotency-Key header, a Stripe idempotency key, an SQS deduplication id,
a NATS message id, a header naming the payload such as X-Event-Id or
webhook-id — not X-Request-Id), so the server drops the repeat; make the write
idempotent (an upsert, ON CONFLICT DO NOTHING, PUT of the whole resource, a
compare-and-swap precondition such as If-Match or a resourceVersion); or
retry only the idempotent part. A key generated inside the retried code is
a new key on every attempt and protects nothing: it is reported, and when
the key statement is the first of the retried function literal a
suggested fix moves it before the retry call. Treating an AlreadyExists,
Conflict or duplicate-key error (IsAlreadyExists, mongo.IsDuplicateKeyError,
an SDK's IsError(err, ErrorCodeAlreadyApplied), a message matched for
"already exists") as done or as "held by another" (create-if-missing, a lock insert kept
single by a unique key) also makes the retry safe, and
so does placing the body at an offset (a resumable upload's Content-Range, a
tus Upload-Offset): a chunk sent again rewrites the same bytes. A
Prometheus remote write (a snappy-encoded body, or the
X-Prometheus-Remote-Write-Version header; Loki and Mimir pushes share its
client code) sends samples the receiver keeps once per series and
timestamp, and the protocol has senders retry: a batch sent again adds
nothing (an OTLP export, gzip-encoded, may carry delta sums and is judged
as any POST).

What is reported by default: the writes whose repeat the code itself
shows duplicates something — a send or append proven by the write (a
publish to a broker, an e-mail, a Redis LPUSH, XADD or INCR, a SQL
INSERT, a MongoDB insert without _id, a known SDK charge), or made by a
sender (a Notifier's Send, a webhook or event posted by a function named
for sending, a SendWithRetry given a *Message), or named as one by the
operation (SendExample, PublishEvent). A second message, mail, event or
row is a second one whatever the server does. So is a create that moves
money (a charge, payment, payout, transfer or refund, shown by its name
— Charge, CreatePayment —, its receiver type — Charges.Create,
PaymentService.New — or its path's collection — POST /v1/book_transfers):
payment APIs deduplicate those only by an idempotency key, which twice
reads.
Reported only with -unsaferetry.confidence=low, each ending with what
to check, are the writes whose repeat the server decides, which the
client code cannot show: a create read from an HTTP method, a path or a
name (POST /v1/orders, CreateAnnotation): whether a repeat makes a
second order or is refused (a unique name or key in the body, an
idempotency key the API honours) is the API's rule, and on fresh real
modules such reports were right about half the time; a send that only
the path names (POST …/events); a create under a name, key or e-mail
its caller chose, or at a path it fills in (most APIs refuse a second
dataset, user or branch of that name, a second file at a path, a second
pull request between the same branches, a second e-mail address of the
same address, or a second attachment, association or binding made from
nothing but the ids of the two things it joins (Create(volumeID,
deviceID)); but a name is no key for the items of a stream, so
AddEvent(name, env) posts one more event of that kind); an action on
existing state (merge, cancel, trim, regenerate, a POST to
/jobs/{id}/retry); and an update (PATCH, PUT, DELETE) ("check: it
creates under the Name its caller chose; if the API refuses a second
one …"). What a write is for is read from the primitive (a publish, an
INSERT), the HTTP method, the verb of the operation's name (the SDK
method, the function the request is written in, a type named Sender or
Notifier, a generic Send given a message: SendWithRetry(ctx, msg
*Message)) and the request path; a custom method (POST …/jobs:submit,
…/suggestions:suggestArticles) by the verb after its colon, not as a POST
to the collection before it, and an OData action segment by its name
(…/AddRoleAssignment(principalid=7,roledefid=5) adds a role assignment). The created thing is the noun after the
verb, up to a preposition (CreateBucketWithVersioning makes a bucket).
A name that only restates its request's method and path is no evidence:
generators that call POST /devices/{serial}/liveTools/leds/blink
CreateDeviceLiveToolsLedsBlink (a Create or Post followed by the words of
three or more of the path's literal segments, in order, up to its end)
took the Create from the method, so the path decides (a collection is
created into; blink, swap or prepare acts), unless the API summary the
generator copied into the doc comment starts with an action ("Rollback a
firmware upgrade", "Commits the import operation"), which makes it a
check; so does such a summary above a generated SDK's bare New or Create
("Verify the external bank account …"). An upload of one part of a larger upload (a function named for
uploading a part, slice, chunk, block or segment: uploadPart,
doUploadChunk) is a check too: multipart protocols file a part under its
number or offset, so a repeat rewrites it. A publish of a thing its caller names by id
(PublishAutoLocateJob(networkID, jobID)) publishes that thing, not a
message.

Not reported: a create whose documentation says a repeat finds it
(generated clients copy the API's: "If the specified context already
exists, overrides the context", "Returns ALREADY_EXISTS"), which covers
the methods of the same name in its file; findings in generated files
(nobody can act on them), except those retried by the generator's own
default call options, whose fix is in those defaults; and, unless
-unsaferetry.tests is set, in _test.go files (a test's retries talk to test
servers and fakes); the functions declared there still count as helpers.

How to suppress: //nolint:unsaferetry or //nolint:twice at the end of the
reported line or alone on the line before it (lists such as
//nolint:errcheck,unsaferetry and a "// reason" suffix are accepted), or
//twice:idempotent in the doc comment of a function that is safe to
repeat (its callers may retry it, and the retries it performs itself are
not reported), or -unsaferetry.idempotent.

Flags (full names as go/types prints them):

	-unsaferetry.retryfuncs  extra retry helpers whose func arguments are retried,
	                         e.g. example.com/platform/retry.Do
	-unsaferetry.mutating    extra non-idempotent writes,
	                         e.g. (*example.com/billing.Client).Charge
	-unsaferetry.idempotent  functions safe to repeat (override every table and heuristic)
	-unsaferetry.tests       also report findings in _test.go files
	-unsaferetry.confidence  high (default): only writes whose repeat the code shows
	                         duplicates something (publishes, e-mails, appends,
	                         increments, INSERTs, notifications);
	                         low: also those whose repeat the server decides (HTTP and
	                         RPC creates, caller-named creates, actions, updates),
	                         each as a check
*/
package unsaferetry

import (
	_ "embed"
	"strings"
)

//go:embed doc.go
var docSource string

// doc is the Analyzer's Doc: the text of the comment above, from its
// "# Analyzer unsaferetry" heading on.
var doc = extractDoc(docSource, "unsaferetry")

// extractDoc returns the part of a doc.go block comment after the
// "# Analyzer name" heading, as x/tools' own analyzers do.
func extractDoc(src, name string) string {
	start := strings.Index(src, "/*")
	end := strings.Index(src, "*/")
	if start < 0 || end < start {
		panic("unsaferetry: doc.go has no block comment")
	}
	text := src[start+2 : end]
	heading := "# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		panic("unsaferetry: doc.go lacks " + strings.TrimSpace(heading))
	}
	return strings.TrimSpace(text[i+len(heading):])
}
