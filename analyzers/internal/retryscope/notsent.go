package retryscope

import (
	"go/ast"
	"go/types"
)

// Errors of the standard library that a client returns before its request
// reached the server: the name did not resolve, the host or network was
// unreachable, the TLS handshake rejected the server's certificate, the
// body could not be encoded, the pool's connection was already closed. A retry on one of them cannot repeat a write
// that took effect, like a refused connection. database/sql/driver
// documents ErrBadConn the same way: a driver must not return it when the
// server may have performed the operation.

// notSentTypes are the error types, by package path and name.
var notSentTypes = map[[2]string]bool{
	{"net", "DNSError"}:                            true,
	{"net", "AddrError"}:                           true,
	{"net", "UnknownNetworkError"}:                 true,
	{"net", "InvalidAddrError"}:                    true,
	{"crypto/x509", "UnknownAuthorityError"}:       true,
	{"crypto/x509", "HostnameError"}:               true,
	{"crypto/x509", "CertificateInvalidError"}:     true,
	{"crypto/tls", "RecordHeaderError"}:            true,
	{"crypto/tls", "CertificateVerificationError"}: true,
	{"encoding/json", "MarshalerError"}:            true,
	{"encoding/json", "UnsupportedTypeError"}:      true,
	{"encoding/json", "UnsupportedValueError"}:     true,
}

// notSentValues are the sentinels, by package path and name.
var notSentValues = map[[2]string]bool{
	{"database/sql/driver", "ErrBadConn"}: true,
	// The connection or transaction was already returned to the pool (or
	// finished): the statement never left the client.
	{"database/sql", "ErrConnDone"}: true,
	{"database/sql", "ErrTxDone"}:   true,
	{"syscall", "EHOSTUNREACH"}:     true,
	{"syscall", "ENETUNREACH"}:      true,
	{"syscall", "EADDRNOTAVAIL"}:    true,
}

// notSentType reports whether t (or *t) is one of notSentTypes.
func notSentType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return notSentTypes[[2]string{unvendor(n.Obj().Pkg().Path()), n.Obj().Name()}]
}

// notSentValue reports whether e names one of notSentValues.
func (r *refusals) notSentValue(e ast.Expr) bool {
	obj := objOf(r.info, e)
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	return notSentValues[[2]string{obj.Pkg().Path(), obj.Name()}]
}
