// Package wiredriver is a database driver speaking a binary wire protocol:
// an operation encodes its command (and the documents of a write, split in
// batches) into a buffer, then writes the buffer to a connection.
package wiredriver

import (
	"context"
	"errors"
	"net"
)

// Batches holds the documents of a write command that may be split when
// they do not fit in one message. It is exported so that other packages of
// the driver can hand their documents over; the one implementation is
// *DocBatches.
type Batches interface {
	AppendBatchArray(dst []byte, maxCount, totalSize int) (int, []byte, error)
	AdvanceBatches(n int)
}

// DocBatches is the driver's batch of encoded documents.
type DocBatches struct {
	Documents [][]byte
	offset    int
}

// AppendBatchArray appends as many documents as the limits allow to dst and
// returns how many it appended and the grown buffer.
func (b *DocBatches) AppendBatchArray(dst []byte, maxCount, totalSize int) (int, []byte, error) {
	if b.offset >= len(b.Documents) {
		return 0, dst, errors.New("wiredriver: no documents")
	}
	n := 0
	for _, doc := range b.Documents[b.offset:] {
		if n == maxCount || len(dst)+len(doc) > totalSize {
			break
		}
		dst = append(dst, doc...)
		n++
	}
	return n, dst, nil
}

func (b *DocBatches) AdvanceBatches(n int) { b.offset += n }

// Operation is one command to run on a server.
type Operation struct {
	Command []byte
	Batches Batches
	Conn    net.Conn
	MaxDocs int
	MaxSize int
}

// Execute encodes the command with its next batch and sends it. Whether a
// repeat is safe is the server's business (a read, or a write carrying a
// transaction number); the encoding itself writes nothing anywhere.
func (op *Operation) Execute(ctx context.Context) error {
	dst := append([]byte(nil), op.Command...)
	var n int
	var err error
	if op.Batches != nil {
		if op.MaxDocs > 1 {
			n, dst, err = op.Batches.AppendBatchArray(dst, op.MaxDocs, op.MaxSize)
			if err != nil {
				return err
			}
		}
		if n == 0 {
			// Fall back to one document per message: the count above is
			// a local result, not a response.
			n, dst, err = op.Batches.AppendBatchArray(dst, 1, op.MaxSize)
			if err != nil {
				return err
			}
		}
		op.Batches.AdvanceBatches(n)
	}
	if deadline, ok := ctx.Deadline(); ok {
		_ = op.Conn.SetDeadline(deadline)
	}
	_, err = op.Conn.Write(dst)
	return err
}

// Transport is exported but sealed by its unexported method: only this
// package's connections implement it, so its send is judged by them.
type Transport interface {
	SendMessage(ctx context.Context, msg []byte) error
	pooled() bool
}

type poolConn struct{ conn net.Conn }

// SendMessage writes one framed message; whether a repeat is safe is
// decided by the operation that built it.
func (p *poolConn) SendMessage(ctx context.Context, msg []byte) error {
	if deadline, ok := ctx.Deadline(); ok {
		_ = p.conn.SetDeadline(deadline)
	}
	_, err := p.conn.Write(msg)
	return err
}

func (p *poolConn) pooled() bool { return true }

// Dial opens a pooled transport.
func Dial(ctx context.Context, addr string) (Transport, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return &poolConn{conn: c}, nil
}
