package configcheck_test

// Whole-tree benchmarks of Scan against its floor (internal/configtree.Floor:
// the same walk, reading every file Scan reads, parsing nothing), on
// generated monorepos of 10,000 and 50,000 files of which a tenth are config,
// build and deployment files:
//
//	go test -run '^$' -bench ScanVsFloor -benchtime 3x ./configcheck
//
// Each size's tree is generated once; floor and scan then alternate
// (-scanbench.rounds times) so that load on a shared machine hits both. Besides
// ns/op and allocations, each run reports peak-heap-MiB (the largest heap in
// use seen while it ran, sampled every millisecond), which should grow with
// the number of files read, not with the size of the tree.

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twice-lint/twice/configcheck"
	"github.com/twice-lint/twice/internal/configtree"
)

var scanBenchRounds = flag.Int("scanbench.rounds", 3, "alternating floor/scan rounds per tree size in BenchmarkScanVsFloor")

func BenchmarkScanVsFloor(b *testing.B) {
	for _, files := range []int{10_000, 50_000} {
		b.Run(fmt.Sprintf("files=%d", files), func(b *testing.B) {
			dir := b.TempDir()
			layout, err := configtree.Tree(dir, files)
			if err != nil {
				b.Fatal(err)
			}
			workers := runtime.GOMAXPROCS(0)
			for range *scanBenchRounds {
				b.Run("floor", func(b *testing.B) {
					measureTree(b, layout, func() error {
						res, err := configtree.Floor(context.Background(), []string{dir}, workers)
						if err == nil && res.Files != layout.Relevant {
							err = fmt.Errorf("floor read %d files, want %d", res.Files, layout.Relevant)
						}
						return err
					})
				})
				b.Run("scan", func(b *testing.B) {
					measureTree(b, layout, func() error {
						rep, err := configcheck.Scan(context.Background(), []string{dir}, configcheck.Options{WorkDir: dir, Workers: workers})
						if err == nil && rep.FilesScanned != layout.Relevant {
							err = fmt.Errorf("scan read %d files, want %d", rep.FilesScanned, layout.Relevant)
						}
						return err
					})
				})
			}
		})
	}
}

// measureTree runs one floor or scan per iteration and reports the tree's
// size and the peak heap seen.
func measureTree(b *testing.B, layout configtree.Layout, run func() error) {
	b.ReportAllocs()
	b.SetBytes(layout.Bytes)
	runtime.GC()
	stop := sampleHeap()
	for b.Loop() {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	peak := stop()
	b.ReportMetric(float64(layout.Relevant), "files-read")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// sampleHeap polls the heap in use every millisecond until the returned
// function is called, which returns the largest value seen.
func sampleHeap() (stop func() uint64) {
	const heapObjects = "/memory/classes/heap/objects:bytes"
	sample := []metrics.Sample{{Name: heapObjects}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// TestFloorReadsWhatScanReads guards the benchmark's fairness: the floor
// must read exactly the files Scan reads, or the ratio means nothing. It
// also checks that the generated tree gives the findings it was built for,
// so the benchmark measures a scan that does its whole job.
func TestFloorReadsWhatScanReads(t *testing.T) {
	dir := t.TempDir()
	layout, err := configtree.Tree(dir, 2000)
	if err != nil {
		t.Fatal(err)
	}
	floor, err := configtree.Floor(context.Background(), []string{dir}, 2)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := configcheck.Scan(context.Background(), []string{dir}, configcheck.Options{WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if floor.Files != rep.FilesScanned || floor.Files != layout.Relevant {
		t.Errorf("floor read %d files, Scan read %d, the tree has %d relevant", floor.Files, rep.FilesScanned, layout.Relevant)
	}
	if len(rep.Errors) != 0 {
		t.Errorf("Scan reported input errors on the generated tree: %v", rep.Errors)
	}
	want := []struct{ rule, file string }{
		{"unauthenticated-openapi", "docker-compose.yml"},
		{"unauthenticated-openapi", "services/svc-0000/"},
		{"duplicate-openapi-request", "services/svc-0001/"},
	}
	for _, w := range want {
		found := false
		for _, f := range rep.Findings {
			if f.Rule == w.rule && strings.HasPrefix(f.Location.Path, w.file) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s finding in %s; findings: %+v", w.rule, w.file, rep.Findings)
		}
	}
}
