package configcheck

import (
	"fmt"
	"io"
	"os"

	"github.com/twice-lint/twice/configcheck/internal/walk"
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
	if info.Size() > maxSize {
		return nil, &tooLargeError{size: info.Size(), maxSize: maxSize}
	}
	// Read one byte more than allowed to notice a file that grew after the
	// walk measured it.
	data, err := readSized(f, info.Size(), maxSize+1)
	if err != nil {
		return nil, fmt.Errorf("cannot read file: %w", unwrapPath(err))
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("skipped: file is larger than %d bytes", maxSize)
	}
	return data, nil
}

// tooLargeError is a file above the size cap, measured on the opened
// handle; its message is the walk's (a scan lets the reader measure).
type tooLargeError struct{ size, maxSize int64 }

func (e *tooLargeError) Error() string { return walk.TooLarge(e.maxSize, e.size) }

// readSized reads at most limit bytes into a buffer sized from the stat
// (plus one byte, to notice growth), so a file is read without the buffer
// regrowths of io.ReadAll — the read is the floor the scan is measured
// against.
func readSized(f io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(size+1, 512), limit))
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grew after the stat: let append size it
		}
		n, err := f.Read(buf[len(buf):min(int64(cap(buf)), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// ReadRegularFile is readFile for the other front ends (the language
// server reads files to convert positions): opened without blocking, the
// type checked on the handle, at most maxSize bytes.
func ReadRegularFile(p string, maxSize int64) ([]byte, error) {
	return readFile(p, maxSize)
}
