package configcheck_test

import (
	"context"
	"testing"

	"github.com/twice-lint/twice/configcheck"
	"github.com/twice-lint/twice/internal/configtree"
)

// BenchmarkScanMono scans issue 11's monorepo shape (50,000 files, 2,600
// services in products with their own PowerJob server) for profiling:
//
//	go test -run '^$' -bench ScanMono -benchtime 3x -cpuprofile cpu.out -memprofile mem.out ./configcheck
//	go tool pprof -top -cum configcheck.test cpu.out
//
// Its ratio to the floor is measured by bench/run.sh mono50k (whole
// process) and BenchmarkScanVsFloor (in process); this one only profiles.
func BenchmarkScanMono(b *testing.B) {
	dir := b.TempDir()
	layout, err := configtree.Monorepo(dir, 50_000, 2_600)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		rep, err := configcheck.Scan(context.Background(), []string{dir}, configcheck.Options{WorkDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if rep.FilesScanned != layout.Relevant {
			b.Fatalf("scan read %d files, the tree has %d relevant", rep.FilesScanned, layout.Relevant)
		}
	}
}
