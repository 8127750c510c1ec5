package unsaferetry_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers"
	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
	"github.com/twice-lint/twice/analyzers/unsaferetry"
	"github.com/twice-lint/twice/internal/slowtest"
)

// TestUnsafeRetry runs the analyzer over service-shaped fixtures; each
// file's // want comments list exactly the expected findings, so every
// silent case (PUT, GET, upserts, keys created before the retry, CAS,
// create-if-missing, suppressions) is asserted too.
func TestUnsafeRetry(t *testing.T) {
	tests := []struct {
		name string
		pkg  string
	}{
		{"HTTP client with request builder, keys inside and outside, CAS (If-Match), method values", "orders"},
		{"SQL repository: INSERT, counter UPDATE, upsert, absolute UPDATE, DELETE, transactions retried before/after COMMIT", "repo"},
		{"a transaction re-run when the database aborted it (serialization failure or unique violation, read from the error text by a helper in another package, or pgconn.SafeToRetry): silent; re-run after a dropped connection: reported", "txretry/..."},
		{"publishers and Redis", "outbox"},
		{"email sends retried (net/smtp), and a retried dial before a single send", "mailer"},
		{"a retry helper driven by a done flag: not done only on a refusal is silent, after any error is reported", "donehelper"},
		{"terraform-plugin-sdk retry.RetryContext: RetryableError on a 5xx reported, only on a 409 silent", "tfprovider"},
		{"interface values built here by a constructor of an analyzed package are judged by the types that package can make: local rule programming silent, a remote create and a value from a parameter reported", "example.com/nodeagent"},
		{"a retry policy that depends on the request's method: writes retried only on 429 silent, every method on 5xx reported", "methodpolicy"},
		{"Google Cloud generated clients: gax.Invoke retries only with a WithRetry option in sight (a REST create and a POST reported; a read and a method without default retry silent)", "gapic"},
		{"newer generated Cloud clients (generated files, RPCs run through executeRPC): a create the server names retried by the generator's defaults reported in the generated file with the defaults' fix; creates with a caller-chosen id, documented to override, a read, and a generated retry passed in the call silent", "gapicgen"},
		{"Temporal activities: retried by the server's default policy (a POST and an INSERT reported; an update, a read, an activity by name and MaximumAttempts 1 silent)", "activities"},
		{"MongoDB inserts without a fixed _id and relative updates; keyed inserts, $set, reads and deletes silent", "docstore"},
		{"publishers whose bodies hand the message to a goroutine (Pulsar, MQTT) and stream appends named Put (Kinesis)", "brokers"},
		{"SDK interfaces: verb heuristic, create-if-missing, RetryOnConflict", "sdk"},
		{"nolint forms and //twice:idempotent", "suppress"},
		{"helper and idempotent function from other packages (facts)", "example.com/checkout"},
		{"a batcher's constructor keeps the out function its Out method retries: the function passed to it is retried; the one-time error callback is not", "example.com/logship/httpout"},
		{"consumers whose broker redelivers a message or retries a task when its handler fails: go-nsq handlers (a type, a HandlerFunc literal, an interface), asynq HandleFunc and Server.Run, River workers (a type, a WorkFunc), Watermill handlers", "example.com/consumers"},
		{"a command's interfaces (package main) are judged by their implementations there: a publisher that POSTs, a spool that appends to memory", "example.com/relaycmd"},
		{"a test harness's loops that expect a call to fail (an error sent or made on success) are not retries", "harness"},
		{"retry predicates made by a checker factory of another package (facts)", "example.com/releasebot"},
		{"a request builder's default method applies only when the caller passes none; a method the helper upper-cases is still the caller's, and so is a path it trims and resolves against its base URL; a session or a parent's config posted to through a bare Create is a check; a path behind one of two base URLs chosen by API version is the caller's; a constructor's name does not make its login a create", "defaultmethod"},
		{"an exported interface of an internal package is judged by its implementations", "example.com/jobs/runner"},
		{"an internal store rendering SQL through a dialect onto its own pool interface: plain INSERT and fresh-keyed upsert reported; upsert, duplicate taken as done, unclassified implementation silent", "example.com/inbox/worker"},
		{"webhook retry loops, recursion, non-retry loops, retrying clients", "webhooks"},
		{"generated files are not reported; their facts still count", "genapi"},
		{"a request rebuilt in each attempt around a reader made before the loop is sent whole only once; a request built once (GetBody), and rebuilt, rewound, empty and unknown bodies are re-sent", "drainedbody"},
		{"retry predicates: refusal-only retries are silent, others reported; a loop going round when a rate-limit handler returns nil, which it does only after a 429, silent, also when the handler is an error filter assigned in the if (err = filter(err); err != nil) that hands every other error back", "ratelimit"},
		{"a loop retried through another package's error predicate: a dial error (nothing sent) silent, a timeout reported", "specialize"},
		{"a write to a resource created in the same attempt", "uploads"},
		{"senders registered from packages that import a notifier whose loop retries them through its own interface: a sender that POSTs reported at its Send (the notifier's call a check by name); a PUT under the event's id, a log-only sender, a POST keyed by the event's id, and an implementation of an interface retried only while busy silent", "example.com/notifyhub/..."},
		{"an SDK's exported service interface reached through its client's field (client.Domains.CreateRecord) judged by the SDK's implementation: a POST to a collection reported, a Create that PUTs silent; the interface passed in by a caller judged by name (a check)", "example.com/dropletapp"},
		{"retry libraries told to make one attempt (retry-go Attempts(1), also in a local options slice; backoff WithMaxRetries(b, 0) wrapped in WithContext; backoff v5 WithMaxTries(1); go-retry WithMaxRetries(0, b)): silent; other bounds and Attempts(0) reported", "oneattempt"},
		{"remote-write pushes (a snappy body, the protocol's version header) retried: silent; an OTLP export of delta sums reported", "remotewrite"},
		{"select backoff loops, walks over alternatives, 5xx-only retries, iterators", "notifier"},
		{"a request wrapper that sends POST and PUT once and retries the other methods (an if/else, an early return): a POST caller silent, a PATCH caller reported", "methodbranch"},
		{"a push client whose generic Send-named methods are judged by what they are given: a *Message reported, no message a check", "pushclient"},
		{"retry loops a counter's name does not give away: a counter bounded by a retry count, a closure the loop calls, an attempt run in a goroutine the loop waits for, a flag of the loop condition set on success, a count of attempts left zeroed on success (also as an if inside a bare for); a flag set by a stop signal, a countdown over batches, walks over a batch or nodes and a fan-out silent", "attemptloops"},
		{"loops written as a label and goto: re-sends after errors and 5xx reported; after a refusal, forward jumps and walks over a batch silent", "gotoretry"},
		{"retry by requeue", "producer"},
		{"a gRPC retry interceptor built in a dial-options helper (of this package or another): the package's generated-client calls go through it; WithMax(0) or plain options retry nothing", "grpcopts/..."},
		{"a retry library whose loop switches on a classification of the error (go-resiliency's retrier)", "resilient"},
		{"Kafka producers whose package sets their retries: sarama and librdkafka without idempotence, kafka-go's Writer, franz-go with idempotence off reported; idempotent, default and disabled retries silent", "producerretry/..."},
		{"a gRPC handler's Send on its server stream inside a retry loop: a reply, silent", "serverstream"},
		{"a function writing only on the way out of a failure (a close request after a timed-out subscribe) retried: silent; one that writes and then fails reported", "failurepath"},
		{"a pump (a loop publishing what it receives from a channel) re-run after its channel closed, or a drain retried: silent; a caller's message re-sent reported", "pump"},
		{"AWS SDK v2 messaging clients whose package sets the attempt count (config, aws.Config, client options): sends reported, also with the configuration made in another package; FIFO dedup ids, reads, deletes, default and single attempts silent", "awsretry/..."},
		{"go-redis clients whose package sets MaxRetries: accumulating commands (INCR, LPUSH, in a pipeline too) reported; commands in a transaction (TxPipelined, TxPipeline, a Watch callback), reads, absolute sets, default and disabled (-1) retry counts silent; an explicit 0 (3 retries from v8 on) retries; a count passed on from settings retries, also when the options and the clients are made in other packages", "redisretry/..."},
		{"a retrying client built in a constructor, reached through a generic Do", "cloudapi"},
		{"a generated-client core putting a request id made once per call into the header map it copies onto the request: silent; a trace id only: reported", "headermap"},
		{"a go-retryablehttp client kept in a struct field, requests converted with FromRequest", "hostingapi"},
		{"a generated client whose constructor installs a go-retryablehttp StandardClient through its own WithHTTPClient option, sending through an interface-typed Doer field: a POST create reported, a GET silent", "syncapi"},
		{"a generated client's request core: ExecuteNewRequest builds a request config from the method and path it is given and executes it, re-sending a clone of the config's request through a handler func; a POST create passed to it reported, a GET and a PUT silent", "example.com/billingsdk/..."},
		{"a service calling the generated client's create", "billingapp"},
		{"retry loops driven by a predicate given the attempt's *http.Response: after connection errors and 5xx reported, only on a 429 silent", "responsepredicate"},
		{"the same request core setting an Idempotency-Key once per call, before its retry loop: the create is silent", "example.com/ledgersdk/..."},
		{"http.RoundTripper types of the module that re-send every request with its body rewound (declared in the package or another): writes through clients on them reported; method-gated, unrewound and 429-only transports silent", "ticketing"},
		{"a go-retryablehttp client in a field with a CheckRetry method value, options that may swap the policy, a NewRequest helper and a generic Do", "forgeapi"},
		{"paths set on a copy of the base URL; state transitions of one resource silent, actions that make something new reported", "memberactions"},
		{"path templates filled in place with strings.Replace (generated clients); a token helper whose caller passes the grant", "templatepaths"},
		{"creates that open a handle (producer, shell) are silent; what is sent through it, and creates of records, are reported", "handles"},
		{"the SDK of a retrying client used from another package", "example.com/hostingapp"},
		{"loops that retry on a status only (predicate, status map, refusals, status classes: /100 == 5 reported, /100 == 4 silent)", "statusretry"},
		{"a retry handler in a handler chain", "handlerchain"},
		{"a retrying Do over an injectable Doer interface; convenience methods passing POST", "doerclient"},
		{"the retrying Doer client library used from another package", "example.com/doerapp"},
		{"a handler chain whose retry handler sends a copy made by a helper; generic post helpers", "genericchain"},
		{"a loop over the nodes of one cluster sending the same request to the next", "replicas"},
		{"a round-trip helper retrying dial failures and gateway statuses; a refusal-only neighbour", "querygate"},
		{"options structs read through a library's copy, its own request type and an appended URL", "optsuser"},
		{"writes of generated code retried by a hand-written executor: reported at its retry", "genhelper"},
		{"the same executor retrying only after a 429: silent", "genhelperok"},
		{"an unexported backend interface judged by its implementations, whatever the method names", "largefiles"},
		{"loops retrying only on specific application errors are silent; an ambiguous one among them is reported", "apperrors"},
		{"a sentinel of another package judged by its declaration there (facts)", "example.com/invoicing/service"},
		{"an SDK passing its retrying resty client to request functions of another package; a wrapper taking the client; non-retrying and configured-only clients, reads and keyed requests silent", "example.com/vaultsdk"},
		{"the user of that SDK", "example.com/vaultapp"},
		{"its request functions taking the client as a parameter: silent", "example.com/vaultsdk/api"},
		{"an event sender posting with the *http.Client its caller passes: silent", "example.com/eventsender"},
		{"an *http.Client from go-retryablehttp's StandardClient handed to a function of another package that posts with it; plain clients, reads and keyed requests silent", "example.com/eventapp"},
		{"RPC helpers fixing POST and retrying the path their caller names: judged at each call by the path (reads silent), the helpers silent", "rpcpaths"},
		{"hand-written retry loops bounded by a count the package leaves at zero (an option, an exported field, a config field without default) are opt-in and silent; counts with a default of the package's own are reported", "optinretry"},
		{"a request–response client over a message link: operations presenting a token or peeking are not writes, a scheduled message is", "example.com/msgapp"},
		{"a helper retrying an RPC of the message its caller gives is judged at each call by the operation the message names, not where it retries", "example.com/msglink"},
		{"a producer wrapping an imported broker client behind its own interface publishes through it; an interface with only in-memory implementations does not", "wrappedproducer"},
		{"generated-client call builders retried after they are built: a PATCH whose builder got a field-setting resource is idempotent, one that got an increment is reported", "example.com/gencloudapp"},
		{"ids the client fills in a generated call's payload elsewhere in the package (a request id, per-row insert ids, a job's own reference) make a retried insert safe; a literal without one, or a payload type the package never names, is reported", "example.com/warehouseapp"},
		{"a write filed under the digest of its content (a resource name built from the hash) is stored once however often it is sent; one filed under a sequence number is reported", "blobstore"},
		{"a JSON-RPC helper POSTing the operation its caller names: reads by name silent, writes and unknown operations reported", "rpcops"},
		{"a retry executor of another package holding the operation in a field: POSTs in the literal given to the field reported, a refusal-only handler silent", "example.com/artifactsvc"},
		{"a request executor retrying in a loop over a retry timer's ticks (`for range newRetryTimer(…)`): a POST its caller passes reported; GET and PUT, a periodic heartbeat and a consumer loop silent", "tickretry"},
		{"a log SDK's own retry helper (a verdict-returning operation, nested selects) behind a request function that retries writes in its non-GET branch: a log append reported, a singleton index create a check; a client retrying only GETs silent", "logsdk"},
		{"an SDK sending through the *http.Client another package's constructor builds on a rehttp transport: a create reported at its call of a generic request function, a state transition and a read silent; clients retrying only GETs or 429s silent", "example.com/machines"},
		{"a session whose optional go-retryablehttp client is configured in a helper with a GET-only CheckRetry made by a factory: its POSTs silent; a client retrying every method reported", "edgesession"},
		{"a client method re-sending its request by calling itself with the same arguments (the count in a header): a POST create passed to it reported, a PUT silent; a 401-only refresh, a re-send after an error code that rejects the token, and a walk to the next page silent; a re-send after an internal-error code reported", "example.com/listsvc/..."},
		{"a resty client configured to retry by a shared Build of another package: a POST through it and a usage report sent with its R() by a SendUsage called from Configure reported; a plain client's POST and a PUT silent", "example.com/tfrepo"},
		{"the shared client's package and the usage sender taking a request, called in its own package with the shared client's R() from a function named for configuring: reported", "example.com/tfshared/..."},
		{"resty clients whose retry count is a builder field with a positive default and whose retry conditions replace resty's default: a create reported when a condition may hold after the request ran (no response, a dropped connection), silent when every condition is a refusal (429) or the count is only the user's setting; requests a helper makes from the manager's client and hands to an operation's callback, through another helper: a create reported, a PUT and a callback given a plain client's request silent", "restyconds"},
		{"a webhook publisher's send that counts a failed request's retries down and puts it back on the worker's channel later (time.AfterFunc): its POST reported; a dead-letter channel, a put-back without counting, and a channel whose worker calls another method silent", "requeuefunc"},
		{"a log driver's worker keeping the batch its post function returns unsent after a failed POST and passing it again on the next tick: the POST reported; a flusher that drops the failed batch, and one whose unsent rest no loop passes back, silent", "keptbatch"},
		{"a relay route re-uploading its fixed schemas every six hours through a retry loop: silent (the program sends that request every period); its flush of the points gathered since the last tick reported", "periodicsync"},
		{"a retrying post helper taking request options and payloads: an option making the request a PUT, or a payload with a dedup key, silent; a header-only option and a keyless payload reported", "alertsinks"},
		{"a generated client's runtime retrying the function it is given with the request (c.retrier.Run(c.client.Do, req)) on 5xx: its POSTs reported at the SDK methods (URLs through a Sprintf-like EncodeURL and a query appender), at the user's call of a generated method, and silent in the generated file; GETs and PUTs silent; a runtime retrying only 429s silent", "example.com/gensdk/..."},
		{"an SDK client polling an attempt closure that a method builds from the call's method and URL (retries.Poll(ctx, t, c.attempt(ctx, method, url, body)), the attempt failing with a concrete *Err): a POST passed through Do reported; GET and PUT silent", "example.com/pollsdk/..."},
		{"a Graph-style client core: go-retryablehttp's StandardClient in a field of the value its constructor returns, a request passed through user middlewares, URLs from an options struct's Uri (its Entity appended to the version path with Sprintf): a create of an unnamed thing reported at its service method, a user's create under its sign-in name and a role assignment checks, an OData $ref add and a GET silent", "example.com/graphsdk/..."},
		{"URLs built with (*url.URL).JoinPath, in place, through an endpoint helper taking path parts and returning (URL, error), and a request helper taking a fmt.Stringer: a create described by its path; a bulk create of named items a check; a GET silent", "example.com/joinpath"},
	}
	// One run over every package: loading and analyzing the standard
	// library dependencies once keeps the test fast.
	var pkgs []string
	for _, tt := range tests {
		pkgs = append(pkgs, tt.pkg)
	}
	results := analysistest.Run(t, testenv.Testdata(t), withChecks(t), pkgs...)
	t.Run("related information across packages", func(t *testing.T) { checkRelatedAcrossPackages(t, results) })
}

// TestSuggestedFix checks the fix that moves a key created inside the
// retried function before the retry call.
func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testenv.Testdata(t), unsaferetry.Analyzer, "keyfix")
}

// recorder collects analysistest's complaints instead of failing, for
// cases whose expectations differ from the fixture's // want comments.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestFlags sets the flags on fresh analyzers from analyzers.New.
func TestFlags(t *testing.T) {
	const (
		retryFuncs = "(*flagged.Pool).Submit"
		mutating   = "(*flagged.Ledger).Record"
		idempotent = "(flagged.Mailer).SendReceipt"
	)
	tests := []struct {
		name  string
		flags map[string]string
		// want are substrings of the expected diagnostics, in order.
		want []string
	}{
		{"no flags: Submit is not known to retry", nil, nil},
		{"retryfuncs: only SendReceipt's name says send, so it is silent by default; Record is not a write",
			map[string]string{"retryfuncs": retryFuncs}, nil},
		{"retryfuncs at low confidence: the verb heuristic's SendReceipt is a check",
			map[string]string{"retryfuncs": retryFuncs, "confidence": "low"},
			[]string{"Mailer.SendReceipt"}},
		{"all three flags",
			map[string]string{"retryfuncs": retryFuncs, "mutating": mutating, "idempotent": idempotent},
			[]string{"Record"}},
	}
	dir := testenv.Testdata(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newUnsafeRetry(t)
			for name, value := range tt.flags {
				if err := a.Flags.Set(name, value); err != nil {
					t.Fatalf("setting -%s: %v", name, err)
				}
			}
			var got []string
			for _, res := range analysistest.Run(&recorder{}, dir, a, "flagged") {
				for _, d := range res.Diagnostics {
					got = append(got, d.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics %q, want %d matching %q", len(got), got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("diagnostic %d = %q, want it to mention %q", i, got[i], w)
				}
			}
		})
	}
	// The fixture's // want comments describe the fully configured run.
	t.Run("fixture expectations", func(t *testing.T) {
		a := newUnsafeRetry(t)
		for name, value := range map[string]string{"retryfuncs": retryFuncs, "mutating": mutating, "idempotent": idempotent} {
			if err := a.Flags.Set(name, value); err != nil {
				t.Fatal(err)
			}
		}
		analysistest.Run(t, dir, a, "flagged")
	})
}

// newUnsafeRetry returns a fresh, independently configured unsaferetry.
func newUnsafeRetry(t *testing.T) *analysis.Analyzer {
	t.Helper()
	return unsafeRetryWith(t, model.Settings{})
}

// withChecks is unsaferetry at -confidence=low. The fixtures that test
// how retries, writes and evidence are found assert every write a retry
// repeats, whether the default reports it or only asks for a check
// (purposes tests which is which).
func withChecks(t *testing.T) *analysis.Analyzer {
	t.Helper()
	return unsafeRetryWith(t, model.Settings{Confidence: model.ConfidenceLow})
}

// unsafeRetryWith is a fresh unsaferetry analyzer configured with s.
func unsafeRetryWith(t *testing.T, s model.Settings) *analysis.Analyzer {
	t.Helper()
	for _, a := range analyzers.New(s) {
		if a.Name == "unsaferetry" {
			return a
		}
	}
	t.Fatal("analyzers.New returned no unsaferetry analyzer")
	return nil
}

// TestSettingsAreIndependent: configuring one analyzer set must not leak
// into another or into the default Analyzer.
func TestSettingsAreIndependent(t *testing.T) {
	a := newUnsafeRetry(t)
	if err := a.Flags.Set("retryfuncs", "example.com/x.Do"); err != nil {
		t.Fatal(err)
	}
	if got := newUnsafeRetry(t).Flags.Lookup("retryfuncs").Value.String(); got != "" {
		t.Errorf("fresh analyzer has retryfuncs %q, want none", got)
	}
	if got := unsaferetry.Analyzer.Flags.Lookup("retryfuncs").Value.String(); got != "" {
		t.Errorf("default analyzer has retryfuncs %q, want none", got)
	}
	if got := a.Flags.Lookup("retryfuncs").Value.String(); got != "example.com/x.Do" {
		t.Errorf("configured analyzer has retryfuncs %q", got)
	}
}

// TestDoc checks that the Doc is the package documentation's analyzer
// section.
func TestDoc(t *testing.T) {
	doc := unsaferetry.Analyzer.Doc
	for _, want := range []string{"unsaferetry: report", "How to fix", "How to suppress", "-unsaferetry.retryfuncs"} {
		if !strings.Contains(doc, want) {
			t.Errorf("Doc lacks %q", want)
		}
	}
}

// TestStdRobustness runs the analyzers (and so the model, on every
// dependency) over real standard-library packages: no error, no panic
// caught by the model.
func TestStdRobustness(t *testing.T) {
	slowtest.StdLibrary(t)
	if testing.Short() {
		t.Skip("loads and analyzes a large part of the standard library")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: false}
	models := modelEverywhere(t, cfg, "net/http", "database/sql", "encoding/json", "go/types")
	if models < 20 {
		t.Errorf("the model ran on %d packages, want every dependency (>= 20)", models)
	}
}

// modelEverywhere loads patterns and runs the analyzers with every package,
// dependencies included, as a root, so that the checker keeps each
// package's model for inspection. Any analyzer error or panic caught by the
// model fails the test; it returns how many packages the model ran on.
func modelEverywhere(t *testing.T, cfg *packages.Config, patterns ...string) int {
	t.Helper()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading %v: %v", patterns, err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %v", n, patterns)
	}
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) { all = append(all, p) })
	set := analyzers.New(model.Settings{})
	set = append(set, set[0].Requires...)
	graph, err := checker.Analyze(set, all, nil)
	if err != nil {
		t.Fatalf("analyzing: %v", err)
	}
	models := 0
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if m, ok := act.Result.(*model.Model); ok {
			models++
			if m.Failed != "" {
				t.Errorf("model: %s", m.Failed)
			}
		}
	}
	return models
}

// TestPurposes: by default only writes whose repeat adds something are
// reported (the // want lines of purposes); at -confidence=low the
// others are reported too, each as a check (the lines marked "// check:").
func TestPurposes(t *testing.T) {
	dir := testenv.Testdata(t)
	byDefault := analysistest.Run(t, dir, newUnsafeRetry(t), "purposes")
	for _, res := range byDefault {
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, "check:") {
				t.Errorf("default finding worded as a check: %s", d.Message)
			}
		}
	}
	low := analysistest.Run(&recorder{}, dir, withChecks(t), "purposes")
	checks := map[string]string{} // file:line → message of a check
	wants := 0
	for _, res := range low {
		for _, d := range res.Diagnostics {
			posn := res.Pass.Fset.Position(d.Pos)
			if strings.Contains(d.Message, "check:") {
				checks[fmt.Sprintf("%s:%d", filepath.Base(posn.Filename), posn.Line)] = d.Message
			} else {
				wants++
			}
		}
	}
	var marked []string
	for _, file := range []string{"client.go", "store.go", "ec2.go", "pool.go", "waiter.go", "setup.go", "timeseries.go", "release.go", "custommethod.go", "metrics.go", "nouns.go", "sessions.go", "sets.go", "checkpoints.go", "rpcnames.go", "methodnames.go", "pathless.go", "telemetry.go", "joins.go", "generatednames.go", "parts.go", "keyfields.go", "wakeup.go", "callerid.go", "money.go"} {
		for _, line := range markedLines(t, filepath.Join(dir, "src", "purposes", file), "// check:") {
			marked = append(marked, fmt.Sprintf("%s:%d", file, line))
		}
	}
	if len(marked) == 0 {
		t.Fatal("no // check: lines in the fixture")
	}
	for _, at := range marked {
		if checks[at] == "" {
			t.Errorf("%s: -confidence=low reports no check", at)
		}
	}
	if len(checks) != len(marked) {
		t.Errorf("-confidence=low: %d checks, want %d (the marked lines): %v", len(checks), len(marked), checks)
	}
	if n := len(byDefault[0].Diagnostics); wants != n {
		t.Errorf("-confidence=low: %d findings without a check, want the default's %d", wants, n)
	}
}

// markedLines returns the lines of file containing marker.
func markedLines(t *testing.T, file, marker string) []int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, marker) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// TestConfidenceFlag: -unsaferetry.confidence takes high or low and
// rejects anything else with a message naming both.
func TestConfidenceFlag(t *testing.T) {
	for _, tt := range []struct {
		value   string
		wantErr bool
	}{{"high", false}, {"low", false}, {"medium", true}, {"", true}} {
		err := newUnsafeRetry(t).Flags.Set("confidence", tt.value)
		if (err != nil) != tt.wantErr {
			t.Errorf("-confidence=%q: error %v, want error %v", tt.value, err, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "high or low") {
			t.Errorf("-confidence=%q: error %q does not name the values", tt.value, err)
		}
	}
	if got := newUnsafeRetry(t).Flags.Lookup("confidence").Value.String(); got != "high" {
		t.Errorf("default -confidence %q, want high", got)
	}
}
