package mutation

import (
	"go/ast"
	"go/types"
	"strings"
)

// A registration judged by its name (RegisterInstance, Register) that
// gives the address of what it registers — a request with a Host (or IP)
// and a Port — is keyed by that address: service registries (Consul,
// Nacos, Polaris, Eureka) store one instance per service and address, and
// a repeat finds it registered, or replaces it.

// hostFields and portFields name the parts of a registered address.
var (
	hostFields = map[string]bool{"host": true, "ip": true, "address": true, "addr": true, "hostname": true}
	portFields = map[string]bool{"port": true}
)

// registersAddress reports whether an argument of call is a struct (or a
// pointer to one) with a host field and a port field.
func (c *Classifier) registersAddress(call *ast.CallExpr) bool {
	return c.anyRequestStruct(call, func(st *types.Struct) bool {
		var host, port bool
		for i := 0; i < st.NumFields(); i++ {
			name := strings.ToLower(st.Field(i).Name())
			host = host || hostFields[name]
			port = port || portFields[name]
		}
		return host && port
	})
}
