package mutation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Classifier classifies the calls of one package.
type Classifier struct {
	pass  *analysis.Pass
	info  *types.Info
	cfg   config
	facts func(*types.Func) *FuncFact
}

// config is Config as sets.
type config struct {
	mutating, idempotent map[string]bool
}

func newConfig(c Config) config {
	set := func(names []string) map[string]bool {
		m := make(map[string]bool, len(names))
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	return config{mutating: set(c.Mutating), idempotent: set(c.Idempotent)}
}

// NewClassifier returns a Classifier for pass. facts returns the FuncFact
// of a function from this or another package (nil if none); the model
// analyzer passes a closure over pass.ImportObjectFact plus its own
// in-progress results for the current package. facts may be nil.
func NewClassifier(pass *analysis.Pass, cfg Config, facts func(*types.Func) *FuncFact) *Classifier {
	if facts == nil {
		facts = func(*types.Func) *FuncFact { return nil }
	}
	return &Classifier{pass: pass, info: pass.TypesInfo, cfg: newConfig(cfg), facts: facts}
}

// Call reports whether call is a mutating, non-idempotent operation, and
// which.
func (c *Classifier) Call(call *ast.CallExpr) (Op, bool) {
	return Op{}, false // being written
}

// Summarize computes the FuncFact of decl, or nil when the function does
// nothing worth a fact. Callees' facts come from the facts closure: call it
// for the functions of a package callee-first, or repeat until no fact
// changes (facts only grow).
func (c *Classifier) Summarize(decl *ast.FuncDecl) *FuncFact {
	return nil // being written
}

// Evidence returns the idempotency evidence attached to the mutating call,
// looking at scope: the enclosing *ast.FuncDecl, *ast.FuncLit or block.
func (c *Classifier) Evidence(call *ast.CallExpr, scope ast.Node) Evidence {
	return Evidence{} // being written
}
