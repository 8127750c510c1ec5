package deploy

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/twice-lint/twice/configcheck/source"
)

// Endpoint is a network name a Kubernetes manifest gives to pods: a Service
// (its name, resolvable as svc, svc.ns and svc.ns.svc.cluster.local, routed
// to the pods its selector matches) or an Ingress host (routed to a
// Service). The config checker uses them to tell which server a client's
// configured address reaches.
type Endpoint struct {
	File      string
	Pos       source.Pos
	Namespace string // metadata.namespace as written; "" when not set
	// Service is the Service's name (for an Ingress rule: the backend
	// Service it routes to).
	Service string
	// Selector is a Service's pod selector (nil for an Ingress rule).
	Selector map[string]string
	// Host is an Ingress rule's host ("" for a Service).
	Host string
}

// KubernetesObjects is everything ParseKubernetesObjects reads from one
// manifest.
type KubernetesObjects struct {
	Containers []Container
	Embedded   []EmbeddedFile
	Endpoints  []Endpoint
}

// ParseKubernetesObjects is ParseKubernetes plus the Services and Ingress
// rules of the manifest.
func ParseKubernetesObjects(file string, data []byte) (KubernetesObjects, error) {
	p, err := parseKubernetes(file, data)
	if p == nil {
		return KubernetesObjects{}, err
	}
	return KubernetesObjects{Containers: p.containers, Embedded: p.embedded, Endpoints: p.endpoints}, err
}

// namespace is metadata.namespace of an object ("" when not set).
func (p *k8sParser) namespace(obj *yaml.Node) string {
	s, _ := scalar(p.w.dig(obj, "metadata", "namespace"))
	return s
}

// labels reads a string map such as spec.template.metadata.labels or a
// Service's spec.selector.
func (p *k8sParser) labels(n *yaml.Node) map[string]string {
	var out map[string]string
	for _, e := range p.w.mapping(n) {
		if v, ok := scalar(e.Value); ok {
			if out == nil {
				out = map[string]string{}
			}
			out[e.Key.Value] = v
		}
	}
	return out
}

// endpoint records a Service or the rules of an Ingress.
func (p *k8sParser) endpoint(obj *yaml.Node) {
	ns := p.namespace(obj)
	switch p.kind(obj) {
	case "Service":
		p.endpoints = append(p.endpoints, Endpoint{
			File: p.file, Pos: p.w.pos(p.w.dig(obj, "metadata", "name")), Namespace: ns,
			Service: p.name(obj), Selector: p.labels(p.w.dig(obj, "spec", "selector")),
		})
	case "Ingress":
		for _, rule := range p.w.items(p.w.dig(obj, "spec", "rules")) {
			host, ok := scalar(p.w.get(rule, "host"))
			if !ok {
				continue
			}
			for _, hp := range p.w.items(p.w.dig(rule, "http", "paths")) {
				// networking.k8s.io/v1: backend.service.name; v1beta1:
				// backend.serviceName.
				svc, ok := scalar(p.w.dig(hp, "backend", "service", "name"))
				if !ok {
					svc, ok = scalar(p.w.dig(hp, "backend", "serviceName"))
				}
				if ok {
					p.endpoints = append(p.endpoints, Endpoint{File: p.file, Pos: p.w.pos(p.w.get(rule, "host")), Namespace: ns, Service: svc, Host: strings.ToLower(host)})
				}
			}
		}
	}
}

// composeHosts lists the names a compose service answers to on its
// networks besides its service name: container_name, hostname and every
// network's aliases.
func (p *composeParser) composeHosts(svc *yaml.Node) []string {
	var hosts []string
	for _, key := range []string{"container_name", "hostname"} {
		if s, ok := scalar(p.w.get(svc, key)); ok && s != "" {
			hosts = append(hosts, s)
		}
	}
	for _, nw := range p.w.mapping(p.w.get(svc, "networks")) { // the list form has no aliases
		for _, a := range p.w.items(p.w.get(nw.Value, "aliases")) {
			if s, ok := scalar(a); ok && s != "" {
				hosts = append(hosts, s)
			}
		}
	}
	return hosts
}
