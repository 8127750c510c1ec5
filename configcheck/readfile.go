package configcheck

import (
	"fmt"
	"io"
	"os"
)

// readFile reads one discovered file, at most maxSize bytes. The walk has
// seen a regular file, but the path may have become something else since
// (a FIFO, a device): the file is opened without blocking (a FIFO with no
// writer would block the open forever) and its type is checked on the
// opened handle, so what is read is what was checked.
func readFile(p string, maxSize int64) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read file: %w", unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read file: %w", unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("skipped: not a regular file (%s)", info.Mode().Type())
	}
	// Read one byte more than allowed to notice a file that grew after the
	// walk measured it.
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read file: %w", unwrapPath(err))
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("skipped: file is larger than %d bytes", maxSize)
	}
	return data, nil
}
