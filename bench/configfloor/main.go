// Command configfloor is the floor `twice config` is measured against in
// bench/run.sh: it walks the paths as the checker does and reads every file
// the checker would read, with as many readers as GOMAXPROCS, and parses
// nothing (see internal/configtree.Floor).
//
//	configfloor [paths…]   (default .)
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"

	"github.com/twice-lint/twice/internal/configtree"
)

func main() {
	roots := os.Args[1:]
	if len(roots) == 0 {
		roots = []string{"."}
	}
	res, err := configtree.Floor(context.Background(), roots, runtime.GOMAXPROCS(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "configfloor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes\n", res.Files, res.Bytes)
}
