// Command gentree writes a generated monorepo for benchmarking `twice
// config` (see internal/configtree.Tree): about a tenth of -files are config,
// build and deployment files the checker reads.
//
//	go -C bench run ./gentree -o /tmp/tree50k -files 50000
//	go -C bench run ./gentree -o /tmp/mono50k -files 50000 -services 2600   (products with their own servers; issue 11)
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/twice-lint/twice/internal/configtree"
)

func main() {
	out := flag.String("o", "", "directory to write the tree into (created; should not exist)")
	files := flag.Int("files", 50000, "number of files (at least 100)")
	services := flag.Int("services", 0, "with a value: a monorepo of products of 20 services, each product with its own PowerJob server (configtree.Monorepo)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gentree -o DIR [-files N]")
		os.Exit(2)
	}
	// One generator or the other: the monorepo used to be written on top
	// of a full Tree, which doubled the files and mixed the two shapes.
	var layout configtree.Layout
	var err error
	if *services > 0 {
		layout, err = configtree.Monorepo(*out, *files, *services)
	} else {
		layout, err = configtree.Tree(*out, *files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentree:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d files (%d read by twice config, %d in skipped directories), %d services, %d bytes\n",
		*out, layout.Files, layout.Relevant, layout.Skipped, layout.Services, layout.Bytes)
}
