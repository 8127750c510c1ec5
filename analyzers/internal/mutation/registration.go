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

// A registration of something that registers itself — an agent, a node,
// an instance — carrying its own identity (InstanceIdToken, AgentId,
// NodeID) is keyed by that identity: the registry records one entry per
// agent, and a repeat registers the same one again. A registration of a
// thing the caller makes (a webhook, a device given only an owner) has
// no such key and is judged by its name.

// selfWords name things that register themselves.
var selfWords = map[string]bool{
	"agent": true, "instance": true, "node": true, "worker": true, "runner": true,
	"machine": true, "host": true, "device": true, "executor": true,
}

// selfIDWords end an identity field: AgentId, MachineUuid, InstanceIdToken.
var selfIDWords = map[string]bool{"id": true, "uuid": true, "guid": true}

// registersIdentity reports whether fn registers a self-registering thing
// (RegisterAgent) and an argument of call is a struct carrying such a
// thing's identity.
func (c *Classifier) registersIdentity(call *ast.CallExpr, fn *types.Func) bool {
	noun := createdNoun(fn.Name())
	if len(noun) == 0 || !selfWords[noun[len(noun)-1]] {
		return false
	}
	return c.anyRequestStruct(call, func(st *types.Struct) bool {
		for i := 0; i < st.NumFields(); i++ {
			if selfIdentity(st.Field(i).Name()) {
				return true
			}
		}
		return false
	})
}

// selfIdentity reports whether a field name is a self-registering
// thing's identity: a self word followed by an id word (InstanceIdToken).
func selfIdentity(field string) bool {
	words := SplitWords(field)
	for i := 1; i < len(words); i++ {
		if selfIDWords[strings.ToLower(words[i])] && selfWords[strings.ToLower(words[i-1])] {
			return true
		}
	}
	return false
}
