// Command summarize reads the output of `twice -json` on stdin and prints,
// for eval/run.sh, either the number of diagnostics of one analyzer
// (-count NAME) or every diagnostic as "module: file:line:col: [analyzer] message"
// with paths made relative to -root. A package and its test variant ("p" and
// "p [p.test]") are analyzed separately and report the same diagnostic twice;
// both counts and lines are of distinct (position, analyzer, message) triples.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// diagnostic is the part of the go/analysis JSON diagnostic that we print.
type diagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

type finding struct {
	analyzer, line string
}

func main() {
	count := flag.String("count", "", "print the number of diagnostics of this analyzer")
	root := flag.String("root", "", "directory prefix to strip from positions")
	module := flag.String("module", "", "module name to prefix each line with")
	flag.Parse()
	// Output that is not JSON (twice failed before analyzing) has no
	// findings; the caller reports twice's stderr.
	found, _ := findings(os.Stdin, *root, *module)
	if *count != "" {
		n := 0
		for _, f := range found {
			if f.analyzer == *count {
				n++
			}
		}
		fmt.Println(n)
		return
	}
	for _, f := range found {
		fmt.Println(f.line)
	}
}

// findings decodes `twice -json` output, {"pkg": {"analyzer": [diagnostics]
// | {"error": …}}}, into distinct printable findings sorted by line.
func findings(r io.Reader, root, module string) ([]finding, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.NewDecoder(r).Decode(&tree); err != nil {
		return nil, fmt.Errorf("decode twice -json output: %w", err)
	}
	seen := map[string]bool{}
	var out []finding
	for _, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []diagnostic
			if json.Unmarshal(raw, &diags) != nil {
				continue // an {"error": …} object: reported by the caller from stderr
			}
			for _, d := range diags {
				posn := strings.TrimPrefix(d.Posn, root+"/")
				line := fmt.Sprintf("%s: %s: [%s] %s", module, posn, name, d.Message)
				if !seen[line] {
					seen[line] = true
					out = append(out, finding{analyzer: name, line: line})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].line < out[j].line })
	return out, nil
}
