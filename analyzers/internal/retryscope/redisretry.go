package retryscope

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/astpath"
)

// go-redis retries a command by itself: Options.MaxRetries times (3 by
// default) after an EOF, a dropped connection, or a read timeout of a
// command written to the server. A timeout or a drop after the write
// does not say the command did not run, so an INCR, an LPUSH or a
// PUBLISH whose reply was lost runs again. A plain pipeline (Pipelined,
// Pipeline) is retried the same way; a transaction is not (below).
//
// As with Kafka producers (kafkaretry.go), the default alone would
// report every counter in every program that uses Redis; only a retry
// count the package sets itself is the author's choice, and only then
// are the package's commands judged retried: MaxRetries set, in any of
// the client option types, to a constant above zero or, from v8 on, to a
// value the program passes on (its users' setting: v8 retries 3 times for
// 0 and never only for a negative count, so such a value retries unless
// the user turns it off; before v8, 0 meant no retries, so a passed-on
// value retries only if a user asks, which the code cannot say). An
// explicit constant 0 counts too from v8 on, where it means 3 retries
// (the author who writes it expects none); a negative constant turns
// retries off. Which commands are writes is
// the mutation package's question (a GET in such a package stays silent).

// A library often builds its Redis options or clients in one package
// (config.RedisOptions(), a connection pool's Get(addr)) and sends its
// commands from another. A function returning go-redis options or a
// client, in a package whose retries are set, is a maker of retrying
// clients (a RetryingClientFact with redisMechanism); a package that
// calls one judges its commands as if it had set the retries itself.

// redisMechanism is the mechanism of a go-redis client with its retries set.
const redisMechanism = "go-redis's command retries (MaxRetries set; a command whose reply timed out or whose connection dropped after it was written is sent again)"

// redisOptionTypes are the go-redis option structs with a MaxRetries field.
var redisOptionTypes = map[string]bool{
	"Options": true, "ClusterOptions": true, "UniversalOptions": true, "FailoverOptions": true, "RingOptions": true,
}

// redisConfig is what a package configures on its go-redis clients.
type redisConfig struct{ packageRetry }

func newRedisConfig() redisConfig {
	return redisConfig{packageRetry{mechanism: redisMechanism, returns: ReturnsRedis}}
}

// redisTypeName returns the name of t (or *t) when it is a type of
// go-redis, else "".
func redisTypeName(t types.Type) string {
	if path, name := typeName(t); isRedisPath(path) {
		return name
	}
	return ""
}

// isRedisOptions reports whether t (or *t) is one of go-redis's option structs.
func isRedisOptions(t types.Type) bool { return redisOptionTypes[redisTypeName(t)] }

// isRedisPath reports whether path is a package of go-redis (any version;
// zeroRetries tells v8 and later from the earlier ones).
func isRedisPath(path string) bool {
	return strings.HasPrefix(path, "github.com/redis/go-redis/") || strings.HasPrefix(path, "github.com/go-redis/redis")
}

// noteAssign records opt.MaxRetries = n.
func (r *redisConfig) noteAssign(info *types.Info, lhs, rhs ast.Expr) {
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "MaxRetries" && isRedisOptions(info.TypeOf(sel.X)) {
		r.set = r.set || setsRetries(info, rhs, zeroRetries(info.TypeOf(sel.X)))
	}
}

// noteComposite records redis.Options{MaxRetries: n}.
func (r *redisConfig) noteComposite(info *types.Info, cl *ast.CompositeLit) {
	if !isRedisOptions(info.TypeOf(cl)) {
		return
	}
	for _, v := range keyedValues(cl, "MaxRetries") {
		r.set = r.set || setsRetries(info, v, zeroRetries(info.TypeOf(cl)))
	}
}

// isRedisCommand reports whether fn is a go-redis command method: one
// that returns a command (*IntCmd, *StatusCmd, …), on a client, a
// pipeline or the Cmdable interface.
func isRedisCommand(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !isRedisPath(pkgOf(fn)) || sig.Results().Len() != 1 {
		return false
	}
	p, ok := sig.Results().At(0).Type().(*types.Pointer)
	return ok && strings.HasSuffix(redisTypeName(p.Elem()), "Cmd")
}

// Commands queued in a transaction (MULTI … EXEC) are not sent again
// after a read error: go-redis retries a transaction only when writing it
// failed, before EXEC reached the server. Transactions are TxPipelined
// and TxPipeline, and every pipeline of a *Tx (a Watch callback's), whose
// Pipelined wraps its commands in MULTI … EXEC too; a command on a *Tx
// runs on the watched connection, whose loss fails the watch. A pipeline
// handed in as a parameter may be either kind. So a command is judged
// retried only on a client, or on a pipeline known to be plain: the
// parameter of a function literal given to a client's Pipelined, or a
// variable assigned a client's Pipeline().

// retriedCommand reports whether the command call goes through go-redis's
// retries: its receiver is not a transaction or a pipeline of unknown kind.
func (f *Finder) retriedCommand(decl *ast.FuncDecl, call *ast.CallExpr) bool {
	info := f.info
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	t := info.TypeOf(sel.X)
	switch {
	case redisTypeName(t) == "Tx":
		return false
	case redisTypeName(t) != "Pipeliner":
		return true
	}
	recv, ok := objOf(info, sel.X).(*types.Var)
	if !ok {
		return false
	}
	if recv.IsField() {
		return f.plainPipelineField(recv)
	}
	if decl == nil || decl.Body == nil {
		return false
	}
	return plainPipelineParam(info, decl.Body, recv) || assignedFrom(info, decl.Body, recv, "Pipeline")
}

// plainPipelineField reports whether field, a Pipeliner field of one of
// the package's types, is only ever given a client's Pipeline(), directly
// or through a local variable:
//
//	func (c *ClientImpl) Pipeline() Pipeline {
//		res := c.wrapped.Pipeline()
//		return &PipelineImpl{wrapped: res}
//	}
//
// The commands a wrapper queues on it are then sent, at Exec, through the
// client's retries.
func (f *Finder) plainPipelineField(field *types.Var) bool {
	sets := f.fieldSetIndex().sets[field]
	if field.Pkg() != f.pass.Pkg || len(sets) == 0 {
		return false
	}
	for _, s := range sets {
		if s.value == nil || !f.clientPipeline(s.value) {
			return false
		}
	}
	return true
}

// clientPipeline reports whether e is a client's Pipeline() (not a
// transaction's), or a local variable assigned only that.
func (f *Finder) clientPipeline(e ast.Expr) bool {
	if c, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		on := redisMethodOn(f.info, c, "Pipeline")
		return on != nil && redisTypeName(f.info.TypeOf(on)) != "Tx"
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := f.info.Uses[id].(*types.Var)
	d := f.declAt(e.Pos())
	return ok && d != nil && d.Body != nil && assignedFrom(f.info, d.Body, v, "Pipeline")
}

// plainPipelineParam reports whether v is the parameter of a function
// literal passed, in body, to Pipelined on a client (not on a *Tx).
func plainPipelineParam(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if on := redisMethodOn(info, c, "Pipelined"); on != nil && redisTypeName(info.TypeOf(on)) != "Tx" {
			for _, a := range c.Args {
				if lit, ok := a.(*ast.FuncLit); ok && declaresParam(info, lit, v) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// redisMethodOn returns the receiver of call when it calls go-redis's
// method name, else nil.
func redisMethodOn(info *types.Info, call *ast.CallExpr, name string) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil
	}
	if fn := calleeFunc(info, call); fn == nil || !isRedisPath(pkgOf(fn)) {
		return nil
	}
	return sel.X
}

// declaresParam reports whether v is a parameter of lit.
func declaresParam(info *types.Info, lit *ast.FuncLit, v *types.Var) bool {
	for _, field := range lit.Type.Params.List {
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return true
			}
		}
	}
	return false
}

// assignedFrom reports whether v is assigned, in body, the result of
// go-redis's method on a client (not on a *Tx).
func assignedFrom(info *types.Info, body *ast.BlockStmt, v *types.Var, method string) bool {
	defs, _ := astpath.Definitions(info, body, v)
	for _, d := range astpath.WithValues(defs) {
		if c, ok := ast.Unparen(d.Rhs).(*ast.CallExpr); ok {
			if on := redisMethodOn(info, c, method); on != nil && redisTypeName(info.TypeOf(on)) != "Tx" {
				return true
			}
		}
	}
	return false
}

// redisClientTypes are go-redis's clients (and the interfaces they meet).
var redisClientTypes = map[string]bool{
	"Client": true, "ClusterClient": true, "Ring": true, "UniversalClient": true, "Cmdable": true,
}

// ReturnsRedis reports whether fn returns go-redis options or a client
// (a maker of retrying clients when its package sets their retries): one
// of go-redis's types, or an interface of the program's own that embeds
// one (type Client interface{ redis.Cmdable }).
func ReturnsRedis(fn *types.Func) bool {
	res := fn.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		if isRedisValue(res.At(i).Type()) {
			return true
		}
	}
	return false
}

// isRedisValue reports whether t (or *t) is go-redis options or a client.
func isRedisValue(t types.Type) bool {
	if name := redisTypeName(t); name != "" {
		return redisOptionTypes[name] || redisClientTypes[name]
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if isRedisCommand(iface.Method(i)) {
			return true // a method embedded from go-redis's Cmdable
		}
	}
	return false
}

// setsRetries reports whether a MaxRetries value is a retry count the
// program chose: a constant above zero, or, from v8 on (where go-redis
// reads 0 as its default of 3 retries and only -1 turns them off), a value
// that is not constant or an explicit 0. Writing MaxRetries: 0 says the
// author meant no retries, which those versions do not give.
func setsRetries(info *types.Info, e ast.Expr, zeroMeansThree bool) bool {
	if info.Types[e].Value == nil {
		// A count passed on from settings: from v8 on, its zero value
		// retries 3 times; before v8 it retries only when a user sets
		// one, which the code cannot say.
		return zeroMeansThree
	}
	min := int64(0)
	if zeroMeansThree {
		min = -1
	}
	return intAbove(info, e, min)
}

// zeroRetries reports whether the go-redis options type t reads
// MaxRetries 0 as 3 retries: v8 and later (github.com/go-redis/redis/v8,
// github.com/redis/go-redis/v9). Before v8, 0 meant no retries.
func zeroRetries(t types.Type) bool {
	path, _ := typeName(t)
	return strings.HasPrefix(path, "github.com/redis/go-redis/") || strings.HasPrefix(path, "github.com/go-redis/redis/v8")
}
