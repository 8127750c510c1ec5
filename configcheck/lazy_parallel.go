package configcheck

import (
	"runtime"
	"sync"
)

// The second pass of lazy parsing runs after the walk, on the scan's
// critical path: the deferred files it needs are read and parsed in
// parallel, and their facts added in the order given (walk order), so the
// result does not depend on which reader finished first.

// loadFiles parses the deferred files ds (skipping those already loaded)
// and adds their facts in order.
func (inv *inventory) loadFiles(ds []deferredFile, report *Report) {
	var todo []deferredFile
	for _, d := range ds {
		if !inv.loaded[d.path] {
			inv.loaded[d.path] = true
			todo = append(todo, d)
		}
	}
	parsed := make([]*fileFacts, len(todo))
	inParallel(len(todo), func(i int) {
		if data, ok := inv.readDeferred(todo[i]); ok {
			ff := parseFile(todo[i].path, todo[i].kind, data)
			parsed[i] = &ff
		}
	})
	for _, ff := range parsed {
		if ff != nil {
			report.Errors = append(report.Errors, ff.errs...)
			inv.addFacts(ff)
		}
	}
}

// readDeferred reads a deferred file again. The walk vetted its OS path
// (a regular file inside the root), so it is opened directly instead of
// resolving the display path component by component as fileAccess.read
// does for files named by other files; an editor buffer still wins.
func (inv *inventory) readDeferred(d deferredFile) ([]byte, bool) {
	if _, buffered := inv.files.buffers[d.path]; buffered || d.osPath == "" {
		return inv.files.read(d.path)
	}
	data, err := readFile(d.osPath, inv.files.maxSize)
	return data, err == nil
}

// inParallel calls do(0) … do(n-1) on GOMAXPROCS goroutines; each call
// must write only its own result.
func inParallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
