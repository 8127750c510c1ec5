package mutation

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/sqlclass"
)

const sqlxPath = "github.com/jmoiron/sqlx"

// sqlMethods are the executing methods of database/sql, sqlx and pgx whose
// SQL text is their first string parameter.
var sqlMethods = map[string]bool{
	"Exec": true, "ExecContext": true, "Query": true, "QueryContext": true, "QueryRow": true, "QueryRowContext": true,
	"MustExec": true, "MustExecContext": true, "NamedExec": true, "NamedExecContext": true,
	"QueryRowx": true, "QueryRowxContext": true, "Queryx": true, "QueryxContext": true,
	"Get": true, "GetContext": true, "NamedQuery": true, "NamedQueryContext": true,
}

// preparedMethods execute a prepared statement.
var preparedMethods = map[string]bool{
	"Exec": true, "ExecContext": true, "Query": true, "QueryContext": true, "QueryRow": true, "QueryRowContext": true,
}

// sqlCall classifies calls into database/sql, sqlx and pgx.
func (c *Classifier) sqlCall(call *ast.CallExpr, fn *types.Func) (Op, bool) {
	if recv := recvName(fn); recv == "Stmt" && preparedMethods[fn.Name()] {
		op, _ := c.preparedExec(call)
		return op, true
	}
	if !sqlMethods[fn.Name()] {
		return Op{}, true
	}
	i := firstStringParam(fn)
	if i < 0 || i >= len(call.Args) {
		return Op{}, true
	}
	op, _ := c.sqlOp(call, call.Args[i])
	return op, true
}

// firstStringParam returns the index of fn's first string parameter.
func firstStringParam(fn *types.Func) int {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if b, ok := sig.Params().At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			return i
		}
	}
	return -1
}

// preparedExec follows stmt.Exec(…) to the stmt's Prepare call.
func (c *Classifier) preparedExec(call *ast.CallExpr) (Op, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Op{}, false
	}
	v := c.varOf(sel.X)
	if v == nil {
		return Op{}, false
	}
	a, ok := c.single(v)
	if !ok {
		return Op{}, false
	}
	prep := a.call
	if prep == nil {
		prep, _ = ast.Unparen(a.rhs).(*ast.CallExpr)
	}
	if prep == nil {
		return Op{}, false
	}
	pfn := c.calleeFunc(prep)
	if pfn == nil || (pfn.Name() != "Prepare" && pfn.Name() != "PrepareContext" && pfn.Name() != "Preparex" && pfn.Name() != "PreparexContext") {
		return Op{}, false
	}
	i := firstStringParam(pfn)
	if i < 0 || i >= len(prep.Args) {
		return Op{}, false
	}
	op, ok := c.sqlOp(call, prep.Args[i])
	if !ok {
		return Op{}, false
	}
	return op, true
}

// sqlOp classifies executing the SQL text expression q.
func (c *Classifier) sqlOp(call *ast.CallExpr, q ast.Expr) (Op, bool) {
	ps := c.sqlPieces(q, 0, nil)
	if len(ps) == 1 && ps[0].param >= 0 {
		c.noteParam(func(f *FuncFact) {
			if f.SQLParam < 0 {
				f.SQLParam = ps[0].param
			}
		})
		return Op{}, false
	}
	text, ok := sqlText(ps)
	if !ok {
		return Op{}, false
	}
	r := sqlclass.Classify(text)
	if n, ok := c.freshConflictKey(call, q, text); ok && !r.NonIdempotent && r.Stmt == "INSERT" {
		r.NonIdempotent = true
		r.Reason = "its conflict key ($" + strconv.Itoa(n) + ") is a new value on every call; create it once before the retry"
	}
	if !r.NonIdempotent {
		return Op{}, false
	}
	r.Table = strings.ReplaceAll(r.Table, sqlHole, "{…}")
	op := Op{Kind: KindSQL, Pos: call.Pos(), Effect: sqlEffect(r)}
	switch {
	case r.Stmt == "INSERT" && r.Table != "":
		op.Desc = "INSERT INTO " + r.Table
	case r.Table != "":
		op.Desc = r.Stmt + " " + r.Table
	default:
		op.Desc = r.Stmt + " statement"
	}
	op.Identity = "sql " + op.Desc
	if r.Table == "" {
		op.Identity = "sql " + strings.Join(strings.Fields(text), " ")
	}
	return op, true
}

func sqlEffect(r sqlclass.Result) string {
	switch {
	case strings.Contains(r.Reason, "nextval"):
		return "a new sequence value is drawn on every run"
	case r.Stmt == "INSERT" && strings.Contains(r.Reason, "increments"):
		return "the counter can be incremented twice"
	case r.Stmt == "INSERT" && strings.Contains(r.Reason, "conflict key"):
		return "the row can be inserted twice (" + r.Reason + ")"
	case r.Stmt == "INSERT":
		return "the row can be inserted twice"
	default:
		return "the update can be applied twice (" + r.Reason + ")"
	}
}
