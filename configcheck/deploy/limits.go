package deploy

// Bounds that keep every parser linear-ish on hostile input. Real deployment
// files are a few kilobytes; these limits are far above anything legitimate.
const (
	// maxInputSize is the largest file a parser accepts.
	maxInputSize = 8 << 20
	// maxYAMLDepth bounds how deep the walkers descend into a YAML tree
	// (counting alias hops), so 10k-deep nesting and alias cycles stop early.
	maxYAMLDepth = 64
	// maxNodeVisits bounds the YAML nodes visited per file, counting every
	// alias expansion again: an alias bomb exhausts it instead of the CPU.
	maxNodeVisits = 1 << 20
	// maxListNesting bounds Kubernetes `kind: List` inside List.
	maxListNesting = 4
)
