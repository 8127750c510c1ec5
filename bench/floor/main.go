// Command floor is the baseline that twice's benchmarks are measured
// against: a multichecker with one analyzer that does no work but declares a
// fact type. Declaring a fact makes the drivers load and type-check every
// dependency from source, exactly as they must for twice, so the difference
// between the two runs is the cost of twice's own analysis.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// noFact is never exported; its declaration alone changes how packages load.
type noFact struct{}

func (*noFact) AFact() {}

var noop = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "does nothing; declares a fact type so dependencies are analyzed like twice's",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(noFact)},
}

func main() { multichecker.Main(noop) }
