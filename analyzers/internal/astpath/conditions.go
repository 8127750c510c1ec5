package astpath

import "go/ast"

// Cond is a condition control must satisfy on its way to a node: the
// branch of an if or the clause of a switch that contains the node, or
// what getting past an earlier statement of a block demands (`if ok {
// return }` before the node gives ok false).
type Cond struct {
	// An if: Expr had the outcome Truth.
	Expr  ast.Expr
	Truth bool
	// Left is, for a condition from an earlier if, its branch that leaves
	// the block (nil for an enclosing branch).
	Left ast.Stmt

	// A switch (a *ast.SwitchStmt or, for an enclosing clause, a
	// *ast.TypeSwitchStmt): control goes through one of Clauses; a nil
	// clause stands for the implicit default of a switch without one.
	Switch  ast.Stmt
	Clauses []*ast.CaseClause
}

// Leaves says whether a statement never falls through to the next one.
// Each analyzer brings its own: which calls do not return is its choice.
type Leaves func(ast.Stmt) bool

// Conditions lists the conditions on the way from path[0] to the last
// node of path (a path as Walk gives it), outermost first.
func Conditions(path []ast.Node, leaves Leaves) []Cond {
	var out []Cond
	for i := 0; i+1 < len(path); i++ {
		child := path[i+1]
		switch n := path[i].(type) {
		case *ast.IfStmt:
			switch child {
			case n.Body:
				out = append(out, Cond{Expr: n.Cond, Truth: true})
			case n.Else:
				out = append(out, Cond{Expr: n.Cond, Truth: false})
			}
		case *ast.BlockStmt:
			out = append(out, Preceding(n.List, child, leaves)...)
		case *ast.CaseClause:
			if i >= 2 {
				switch path[i-2].(type) {
				case *ast.SwitchStmt, *ast.TypeSwitchStmt:
					out = append(out, Cond{Switch: path[i-2].(ast.Stmt), Clauses: []*ast.CaseClause{n}})
				}
			}
			out = append(out, Preceding(n.Body, child, leaves)...)
		case *ast.CommClause:
			out = append(out, Preceding(n.Body, child, leaves)...)
		}
	}
	return out
}

// Preceding lists what the statements of list before child demand of
// control to get past them: an if one of whose branches leaves, a switch
// some of whose clauses leave. A nil child stands for the end of list.
func Preceding(list []ast.Stmt, child ast.Node, leaves Leaves) []Cond {
	var out []Cond
	for _, st := range list {
		if ast.Node(st) == child {
			break
		}
		switch st := st.(type) {
		case *ast.IfStmt:
			bodyLeaves := leaves(st.Body)
			elseLeaves := st.Else != nil && leaves(st.Else)
			switch {
			case bodyLeaves && !elseLeaves:
				out = append(out, Cond{Expr: st.Cond, Truth: false, Left: st.Body})
			case elseLeaves && !bodyLeaves:
				out = append(out, Cond{Expr: st.Cond, Truth: true, Left: st.Else})
			}
		case *ast.SwitchStmt:
			if c, ok := passage(st, leaves); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// passage is the condition of getting past a switch some of whose clauses
// leave: one of the others was taken.
func passage(sw *ast.SwitchStmt, leaves Leaves) (Cond, bool) {
	var through []*ast.CaseClause
	hasDefault, leaving := false, 0
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		if cc.List == nil {
			hasDefault = true
		}
		if len(cc.Body) > 0 && leaves(cc.Body[len(cc.Body)-1]) {
			leaving++
			continue
		}
		through = append(through, cc)
	}
	if !hasDefault {
		through = append(through, nil)
	}
	if leaving == 0 || len(through) == 0 {
		return Cond{}, false
	}
	return Cond{Switch: sw, Clauses: through}, true
}
