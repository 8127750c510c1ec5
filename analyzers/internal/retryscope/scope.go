// Package retryscope finds the code that runs again when something fails:
// function values handed to retry libraries, requests sent through retrying
// HTTP clients, hand-written retry loops, recursion with an attempts
// counter or with the same arguments, and calls of retry helpers (functions that retry one of their
// func parameters, found by this package and exported as facts by the model
// analyzer).
//
// A Finder serves one analysis pass. Find walks the package's declarations
// once; loop bodies are examined only at their own statement level, so
// the cost stays linear in the size of the package (times the nesting depth
// of loops).
package retryscope

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Kind says how a Scope retries its code.
type Kind uint8

const (
	KindLibrary   Kind = iota + 1 // a func value passed to a retry library (retry.Do, backoff.Retry, …)
	KindHelper                    // a func value passed to a retry helper (a fact, or -retryfuncs)
	KindClient                    // one request sent through a retrying client (retryablehttp, resty)
	KindLoop                      // a hand-written loop that repeats on the operation's failure
	KindRecursion                 // a function that calls itself again with attempts+1 or the same arguments
	KindAgain                     // a call made once more, in straight-line code, when it failed
)

// Scope is one piece of code that runs again when an attempt fails.
//
// Exactly one of Body, Func and Call says what is retried:
//   - Body: the retried statements (a func literal's body, a loop body, a
//     recursive function's body); with Until set, only calls that start
//     before Until are repeated (the rest of a loop iteration runs once the
//     operation succeeded);
//   - Func: a named function or method value passed to the retry call
//     (retry.Do(c.createOrder)); its body is not itself a scope, because it
//     may be called elsewhere: report at Arg;
//   - Call: a single call that the client retries by itself.
type Scope struct {
	Kind Kind
	// Mechanism names the retry in messages: "retry.Do (avast/retry-go)",
	// "a retry loop", "sendWithRetry, which calls itself again with
	// attempt+1 after a failure", "retryutil.Do (retries its func
	// argument)".
	Mechanism string
	// Pos is the retry call, the loop, or the recursive call: the related
	// information of a finding.
	Pos token.Pos

	Body  *ast.BlockStmt
	Until token.Pos
	Func  *types.Func
	Arg   ast.Expr
	Call  *ast.CallExpr
	// FuncCall, with Func: the call the helper makes of Func, rebuilt
	// from the retry call's arguments (c.client.Do(req) for
	// retrier.Run(c.client.Do, req)), when the helper's FuncArgs say what
	// it passes (funcargs.go); nil otherwise. A function whose body says
	// nothing by itself (an interface's Do) is judged by it.
	FuncCall *ast.CallExpr

	// ClientOp describes the request of a KindClient scope when it can be
	// told from the call alone ("POST /v1/orders"), for clients whose calls
	// the mutation classifier does not know (resty).
	ClientOp string
	// ViaParam: Call is a function that sends through the client passed to
	// it (clientparams.go); ClientOp is its request, and its summary still
	// decides whether that request writes.
	ViaParam bool

	// Param is set when the retried code is a func-typed parameter of the
	// enclosing function (a retry helper): its index among the declared
	// parameters, else -1.
	Param int
	// FuncArgs, for a Param scope: the enclosing function's parameters the
	// retried func is called with (Helper.FuncArgs of the helper, mapped
	// through its call).
	FuncArgs []int
	// Encl is the function declaration the scope is written in (nil at
	// package level).
	Encl *ast.FuncDecl

	// TxBeforeCommit: the scope retries a SQL transaction only when it
	// failed before COMMIT (it rolled back), so the SQL statements it runs
	// through that transaction are not repeated with effect.
	TxBeforeCommit bool
	// RetriesCommit: the scope (a loop, or the helper it is passed to) also
	// goes round again when COMMIT itself failed, when whether the
	// transaction committed is unknown: its SQL statements may already have
	// taken effect.
	RetriesCommit bool

	// DefaultOptionsRetry: the retry is turned on by the call options the
	// package sets as the method's defaults (a generated client's,
	// calloptions.go), not by the call itself. In a generated file the
	// retry policy is then the generator's output like the call, and a
	// finding there is reported: its maintainers can change the defaults,
	// and its users can pass options without the retry.
	DefaultOptionsRetry bool
	// ConstructorDefault: the retrying client was installed by a
	// constructor of the package through the package's own option
	// (optionclients.go: NewClient prepending
	// WithHTTPClient(rc.StandardClient())). As with DefaultOptionsRetry, a
	// finding in a generated file is reported: the constructor's default
	// is what to fix.
	ConstructorDefault bool

	// Guarded: the retry's predicate was read (a RetryIf option,
	// backoff.Permanent on the other errors, a loop that goes round only
	// after a rate-limit test). The scope then goes round after a failure
	// that may follow an executed write only from the positions in Again
	// (unguarded returns of a retried func, continues of a loop); a call
	// that ends after all of them is not repeated once it took effect.
	Guarded bool
	Again   []token.Pos

	// Once lists the blocks of a retry loop that run on one attempt only
	// (the first, or until they succeeded once, or a select clause that
	// always leaves the loop; see onceBlocks): their calls are not
	// repeated.
	Once []ast.Node

	// Verdict: the scope (a helper's) goes round when the retried func's
	// boolean verdict, its result VerdictAt, asks for another attempt:
	// when it is true, or when it is false if VerdictStops (a "done" flag)
	// (guardVerdict).
	Verdict      bool
	VerdictAt    int
	VerdictStops bool
	// Bounded: the scope is a helper's loop whose attempts are bounded by
	// parameter BoundParam; a constant argument of at most BoundMost
	// allows one attempt only.
	Bounded    bool
	BoundParam int
	BoundMost  int
}

// Repeats reports whether the scope can go round again, after a failure
// that is not a refusal, once the code at n has run.
func (s *Scope) Repeats(n ast.Node) bool {
	if !s.Guarded {
		return true
	}
	for _, p := range s.Again {
		if p >= n.End() {
			return true
		}
	}
	return false
}

// Contains reports whether the call at n is repeated by the scope: inside
// Body (and before Until, and before a way to go round that a refusal does
// not guard) or the scope's own Call.
func (s *Scope) Contains(n ast.Node) bool {
	if s.Call != nil {
		return n == ast.Node(s.Call)
	}
	if s.Body == nil || n.Pos() < s.Body.Pos() || n.End() > s.Body.End() {
		return false
	}
	for _, b := range s.Once {
		if n.Pos() >= b.Pos() && n.End() <= b.End() {
			return false
		}
	}
	return (s.Until == token.NoPos || n.Pos() < s.Until) && s.Repeats(n)
}

// Helper describes a retry helper: a function that retries its func-typed
// parameter FuncParam, or a method that retries its receiver's func-typed
// field FuncField (FuncParam -1; fieldhelpers.go). The model analyzer
// stores it in a fact.
type Helper struct {
	FuncParam int
	FuncField string
	// Mechanism is how the helper retries ("a retry loop", "retry.Do
	// (avast/retry-go)"), for messages.
	Mechanism string
	// TxBeforeCommit: see Scope.TxBeforeCommit.
	TxBeforeCommit bool
	// RetriesCommit: see Scope.RetriesCommit.
	RetriesCommit bool
	// Verdict: the helper goes round when the func's result VerdictAt, a
	// boolean verdict, asks for it (true, or false if VerdictStops); calls
	// are guarded by reading the func's returns (guardVerdict).
	Verdict      bool
	VerdictAt    int
	VerdictStops bool
	// Bounded: parameter BoundParam bounds the attempts; a constant
	// argument of at most BoundMost means a single attempt, no retry.
	Bounded    bool
	BoundParam int
	BoundMost  int
	// FuncArgs: the helper's parameters it passes, in order, as the
	// arguments of its func (Run(fn, req) calling fn(req): [1]); nil when
	// some argument is not a parameter (funcargs.go).
	FuncArgs []int
}
