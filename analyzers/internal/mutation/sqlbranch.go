package mutation

import (
	"go/ast"
	"strings"

	"github.com/twice-lint/twice/analyzers/internal/sqlclass"
)

// Insert or update. A body that inserts a row into a table on one branch
// of an if and updates the same table on the other (if lastVersion == 0 {
// INSERT } else { UPDATE }) writes one keyed row, created or updated as
// the caller knows it to exist: a repeat finds it (and updates it) or hits
// its key. It is an upsert written by hand, not an insert that doubles.

// insertOrUpdate reports whether call, the statement INSERT INTO table
// (op), runs on a branch of an if statement of decl whose other branch
// (its else, or the statements after an if that returns) updates table.
func (c *Classifier) insertOrUpdate(call *ast.CallExpr, op Op, decl *ast.FuncDecl) bool {
	table, ok := strings.CutPrefix(op.Desc, "INSERT INTO ")
	if op.Kind != KindSQL || !ok || decl.Body == nil {
		return false
	}
	within := func(n ast.Node) bool { return n != nil && n.Pos() <= call.Pos() && call.End() <= n.End() }
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		block, ok := n.(*ast.BlockStmt)
		if found || !ok {
			return !found
		}
		for k, st := range block.List {
			ifs, ok := st.(*ast.IfStmt)
			if !ok {
				continue
			}
			var other []ast.Stmt // the other branch: else, or what follows an if that returns
			switch {
			case ifs.Else != nil && within(ifs.Body):
				other = []ast.Stmt{ifs.Else}
			case ifs.Else != nil && within(ifs.Else):
				other = ifs.Body.List
			case ifs.Else == nil && within(ifs.Body) && endsInReturn(ifs.Body):
				other = block.List[k+1:]
			}
			for _, o := range other {
				ast.Inspect(o, func(m ast.Node) bool {
					if x, ok := m.(*ast.CallExpr); ok && c.updatesTable(x, table) {
						found = true
					}
					return !found
				})
			}
		}
		return !found
	})
	return found
}

func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// updatesTable reports whether call executes an UPDATE of table (as
// sqlOp describes tables, unknown parts as {…}).
func (c *Classifier) updatesTable(call *ast.CallExpr, table string) bool {
	fn := c.calleeFunc(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	i, ok := c.sqlExecutorArg(fn)
	if path := fn.Pkg().Path(); !ok && sqlMethods[fn.Name()] && sqlLibrary(path) {
		i, ok = firstStringParam(fn), true
	}
	if !ok || i < 0 || i >= len(call.Args) {
		return false
	}
	text, ok := sqlText(c.sqlPieces(call.Args[i], 0, nil))
	if !ok {
		return false
	}
	r := sqlclass.Classify(text)
	return r.Stmt == "UPDATE" && strings.ReplaceAll(r.Table, sqlHole, "{…}") == table
}

// sqlLibrary reports whether path is database/sql, sqlx or pgx, whose
// executors the built-in table knows.
func sqlLibrary(path string) bool {
	return path == "database/sql" || path == sqlxPath || strings.HasPrefix(path, "github.com/jackc/pgx/")
}
