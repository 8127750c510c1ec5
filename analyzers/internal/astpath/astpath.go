// Package astpath walks a function body with the path from the body down to
// each node, not entering nested function literals (their code runs when
// they are called, not where they are written). The analyzers judge a call
// or a statement by the conditions on that path (Conditions, the one
// walker of those conditions that retryscope and resend share), name
// calls with CalleeName, and find where a local gets its values
// (Definitions).
package astpath

import "go/ast"

// Walk calls f for every node below root (root included) that is not
// inside a function literal, with the path from root to the node (the node
// last). The path is reused between calls: f must copy it to keep it. f
// returns whether to walk the node's children.
func Walk(root ast.Node, f func(n ast.Node, path []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok && n != root {
			return false
		}
		stack = append(stack, n)
		if !f(n, stack) {
			stack = stack[:len(stack)-1]
			return false
		}
		return true
	})
}
