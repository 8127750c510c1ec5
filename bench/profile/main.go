// Command profile runs twice's analyzers in-process over packages, the way
// `twice PKGS` does (go/packages with full syntax for every dependency, then
// checker.Analyze), and writes CPU and heap profiles, to show where twice's
// time and memory go beyond its floor. With -floor it runs the floor's no-op
// fact analyzer instead, so the two profiles can be compared.
//
//	go -C bench run ./profile -C /tmp/gensvc -cpuprofile twice.cpu -memprofile twice.mem ./...
//	go tool pprof -top -cum twice.cpu
//
// Loading and type-checking happen before the CPU profile starts, so the CPU
// profile holds the analysis alone; the heap profile is taken after the
// analysis with the loaded packages still live, so it shows what the
// analysis added on top of them.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/twice-lint/twice/analyzers"
)

// noFact mirrors bench/floor: declaring a fact type makes the checker
// analyze every dependency, as it must for twice.
type noFact struct{}

func (*noFact) AFact() {}

var noop = &analysis.Analyzer{
	Name:      "noop",
	Doc:       "does nothing; declares a fact type",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(noFact)},
}

func main() {
	dir := flag.String("C", "", "directory to load the packages from")
	cpu := flag.String("cpuprofile", "", "write the analysis's CPU profile to this file")
	mem := flag.String("memprofile", "", "write a heap profile (after the analysis) to this file")
	floor := flag.Bool("floor", false, "run the floor's no-op analyzer instead of twice's")
	factLog := flag.String("factlog", "", "write every exported fact (checker.Options.FactLog) to this file")
	flag.Parse()
	if err := run(*dir, *cpu, *mem, *factLog, *floor, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(dir, cpuOut, memOut, factLog string, floor bool, patterns []string) error {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	start := time.Now()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: false}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return fmt.Errorf("load: %d packages have errors", n)
	}
	loaded := time.Since(start)

	as := analyzers.All()
	if floor {
		as = []*analysis.Analyzer{noop}
	}
	if cpuOut != "" {
		f, err := os.Create(cpuOut)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
	}
	opts := &checker.Options{}
	if factLog != "" {
		f, err := os.Create(factLog)
		if err != nil {
			return err
		}
		defer f.Close()
		opts.FactLog = f
	}
	start = time.Now()
	graph, err := checker.Analyze(as, pkgs, opts)
	analyzed := time.Since(start)
	if cpuOut != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	diags := 0
	for act := range graph.All() {
		if act.IsRoot {
			diags += len(act.Diagnostics)
		}
	}
	if memOut != "" {
		if err := writeHeap(memOut); err != nil {
			return err
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("load+typecheck %.2fs, analysis %.2fs, %d root diagnostics, heap in use %d MiB, total allocated %d MiB\n",
		loaded.Seconds(), analyzed.Seconds(), diags, ms.HeapInuse>>20, ms.TotalAlloc>>20)
	runtime.KeepAlive(pkgs)
	runtime.KeepAlive(graph)
	return nil
}

func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}
