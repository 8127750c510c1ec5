// Command summarize reads the output of `twice -json` on stdin and prints,
// for eval/run.sh, either the number of diagnostics of one analyzer
// (-count NAME) or every diagnostic as "module: file:line:col: [analyzer] message"
// with paths made relative to -root.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

// diagnostic is the part of the go/analysis JSON diagnostic that we print.
type diagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

func main() {
	count := flag.String("count", "", "print the number of diagnostics of this analyzer")
	root := flag.String("root", "", "directory prefix to strip from positions")
	module := flag.String("module", "", "module name to prefix each line with")
	flag.Parse()

	// twice -json prints {"pkg": {"analyzer": [diagnostics] | {"error": …}}}.
	var tree map[string]map[string]json.RawMessage
	if err := json.NewDecoder(os.Stdin).Decode(&tree); err != nil {
		if *count != "" {
			fmt.Println(0)
		}
		return
	}
	var lines []string
	n := 0
	for _, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []diagnostic
			if json.Unmarshal(raw, &diags) != nil {
				continue // an {"error": …} object: reported by the caller from stderr
			}
			if name == *count {
				n += len(diags)
			}
			for _, d := range diags {
				posn := strings.TrimPrefix(d.Posn, *root+"/")
				lines = append(lines, fmt.Sprintf("%s: %s: [%s] %s", *module, posn, name, d.Message))
			}
		}
	}
	if *count != "" {
		fmt.Println(n)
		return
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
