package deploy

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// ParseKubernetes parses a (multi-document) Kubernetes manifest: the
// containers of Deployments, StatefulSets, DaemonSets, ReplicaSets,
// ReplicationControllers, Pods, Jobs and CronJobs (also inside `kind: List`),
// and the config files carried by ConfigMaps (data keys ending in
// .properties, .yml or .yaml). It returns (nil, nil, nil) when data is not a
// Kubernetes manifest, and also for a Go/Helm template that is not valid YAML.
func ParseKubernetes(file string, data []byte) ([]Container, []EmbeddedFile, error) {
	p, err := parseKubernetes(file, data)
	if p == nil {
		return nil, nil, err
	}
	return p.containers, p.embedded, err

}

// parseKubernetes parses a manifest; it returns a nil parser when data is
// not a Kubernetes manifest (or is a template that is not valid YAML), or
// with an error that drops the file. A refused $(VAR) expansion returns the
// parser and its error: the containers are kept, that value unknown.
func parseKubernetes(file string, data []byte) (*k8sParser, error) {
	if err := checkSize(file, data); err != nil {
		return nil, err
	}
	if !LooksLikeKubernetes(data) {
		return nil, nil
	}
	docs, err := decodeYAML(file, data)
	if err != nil {
		if isTemplate(data) {
			return nil, nil
		}
		return nil, err
	}
	p := &k8sParser{w: newWalker(file), file: file, lines: splitLines(data), configMaps: map[string][]pair{}, lim: newExpandLimits()}
	var objects []*yaml.Node
	for _, doc := range docs {
		objects = append(objects, p.objects(p.w.resolve(doc), 0)...)
	}
	for _, obj := range objects { // ConfigMaps first: envFrom may name one defined later
		if p.kind(obj) == "ConfigMap" {
			p.configMap(obj)
		}
	}
	for _, obj := range objects {
		p.workload(obj)
		p.endpoint(obj)
	}
	if p.w.err != nil {
		return nil, p.w.err
	}
	return p, p.lim.error()
}

// k8sParser holds the state of one ParseKubernetes call.
type k8sParser struct {
	w          *walker
	file       string
	lines      []string          // the file's lines, to check embedded-file offsets
	configMaps map[string][]pair // ConfigMap name -> data entries
	containers []Container
	embedded   []EmbeddedFile
	endpoints  []Endpoint
	lim        *expandLimits // $(VAR) expansion budget
}

// objects flattens `kind: List` (and *List kinds such as DeploymentList).
func (p *k8sParser) objects(n *yaml.Node, depth int) []*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	kind := p.kind(n)
	if !strings.HasSuffix(kind, "List") {
		return []*yaml.Node{n}
	}
	if depth >= maxListNesting {
		return nil
	}
	var out []*yaml.Node
	for _, item := range p.w.items(p.w.get(n, "items")) {
		out = append(out, p.objects(item, depth+1)...)
	}
	return out
}

func (p *k8sParser) kind(obj *yaml.Node) string {
	s, _ := scalar(p.w.get(obj, "kind"))
	return s
}

func (p *k8sParser) name(obj *yaml.Node) string {
	s, _ := scalar(p.w.dig(obj, "metadata", "name"))
	return s
}

// podSpecPath says where each workload kind keeps its pod spec.
var podSpecPath = map[string][]string{
	"Pod":                   {"spec"},
	"Deployment":            {"spec", "template", "spec"},
	"StatefulSet":           {"spec", "template", "spec"},
	"DaemonSet":             {"spec", "template", "spec"},
	"ReplicaSet":            {"spec", "template", "spec"},
	"ReplicationController": {"spec", "template", "spec"},
	"Job":                   {"spec", "template", "spec"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
	// Common workload kinds outside the core API: Argo Rollouts, OpenShift.
	"Rollout":          {"spec", "template", "spec"},
	"DeploymentConfig": {"spec", "template", "spec"},
}

// workload adds the containers of obj if it is a workload. Init containers
// are not included: they run to completion before the server starts.
func (p *k8sParser) workload(obj *yaml.Node) {
	keys, ok := podSpecPath[p.kind(obj)]
	if !ok {
		return
	}
	spec := p.w.dig(obj, keys...)
	if spec == nil {
		return
	}
	volumes := p.configMapVolumes(spec)
	ns := p.namespace(obj)
	labels := p.labels(p.w.dig(obj, append(keys[:len(keys)-1:len(keys)-1], "metadata", "labels")...))
	for _, cn := range p.w.items(p.w.get(spec, "containers")) {
		c := p.container(p.name(obj), cn, volumes)
		c.Namespace, c.Labels = ns, labels
		p.containers = append(p.containers, c)
	}
}

// configMapVolumes maps pod volume names to the ConfigMap they mount.
func (p *k8sParser) configMapVolumes(spec *yaml.Node) map[string]string {
	out := map[string]string{}
	for _, v := range p.w.items(p.w.get(spec, "volumes")) {
		name, ok1 := scalar(p.w.get(v, "name"))
		cm, ok2 := scalar(p.w.dig(v, "configMap", "name"))
		if ok1 && ok2 {
			out[name] = cm
		}
	}
	return out
}

func (p *k8sParser) container(workload string, cn *yaml.Node, volumes map[string]string) Container {
	name, _ := scalar(p.w.get(cn, "name"))
	c := Container{File: p.file, Kind: KindKubernetes, Name: workload + "/" + name}
	if n := p.w.get(cn, "image"); n != nil {
		if s, ok := scalar(n); ok {
			c.Image, c.ImagePos = s, p.w.pos(n)
			c.ImageUnknown = isTemplate([]byte(s))
		}
	}
	p.envFrom(&c, p.w.get(cn, "envFrom"))
	p.env(&c, p.w.get(cn, "env"))
	c.Args = append(p.args(p.w.get(cn, "command"), c.Env), p.args(p.w.get(cn, "args"), c.Env)...)
	c.Args = expandShellScript(c.Args)
	if n := p.w.get(cn, "command"); n != nil {
		c.Entrypoint, c.EntrypointSet = p.args(n, c.Env), true
	}
	if n := p.w.get(cn, "args"); n != nil {
		c.Command, c.CommandSet = p.args(n, c.Env), true
	}
	if s, ok := scalar(p.w.get(cn, "workingDir")); ok {
		c.WorkingDir = s
	}
	for _, vm := range p.w.items(p.w.get(cn, "volumeMounts")) {
		vol, _ := scalar(p.w.get(vm, "name"))
		target, _ := scalar(p.w.get(vm, "mountPath"))
		sub, _ := scalar(p.w.get(vm, "subPath"))
		if cm, ok := volumes[vol]; ok && target != "" {
			c.Mounts = append(c.Mounts, Mount{Source: "configmap:" + cm, Target: target, SubPath: sub, Pos: p.w.pos(vm)})
		}
	}
	return c
}

// envFrom records ConfigMap and Secret sources; the data of a ConfigMap
// defined in the same file becomes env entries (at the data key's position).
func (p *k8sParser) envFrom(c *Container, n *yaml.Node) {
	for _, src := range p.w.items(n) {
		prefix, _ := scalar(p.w.get(src, "prefix"))
		if name, ok := scalar(p.w.dig(src, "secretRef", "name")); ok {
			c.EnvFromSecrets = append(c.EnvFromSecrets, name)
		}
		name, ok := scalar(p.w.dig(src, "configMapRef", "name"))
		if !ok {
			continue
		}
		c.EnvFromConfigMaps = append(c.EnvFromConfigMaps, name)
		for _, e := range p.configMaps[name] {
			if !p.w.charge(e.Key) { // many containers × a huge ConfigMap
				return
			}
			v := EnvVar{Name: prefix + e.Key.Value, Pos: p.w.pos(e.Key)}
			v.Value, ok = scalar(e.Value)
			v.Unknown = !ok || isTemplate([]byte(v.Value))
			c.Env = append(c.Env, v)
		}
	}
}

// env reads `env`: value (with $(VAR) expansion) or valueFrom (unknown).
func (p *k8sParser) env(c *Container, n *yaml.Node) {
	for _, e := range p.w.items(n) {
		name, ok := scalar(p.w.get(e, "name"))
		if !ok {
			continue
		}
		v := EnvVar{Name: name, Pos: p.w.pos(e)}
		if kn := p.keyNode(e, "name"); kn != nil {
			v.Pos = p.w.pos(kn)
		}
		if p.w.get(e, "valueFrom") != nil {
			v.Unknown = true
		} else if s, ok := scalar(p.w.get(e, "value")); ok {
			v.Value, v.Unresolved = p.lim.expandKubernetes(s, c.Env, p.w.pos(e))
			v.Unknown = len(v.Unresolved) > 0 || isTemplate([]byte(s))
		}
		c.Env = append(c.Env, v)
	}
}

// keyNode returns the key node of key in mapping n (for positions).
func (p *k8sParser) keyNode(n *yaml.Node, key string) *yaml.Node {
	for _, e := range p.w.mapping(n) {
		if e.Key.Value == key {
			return e.Key
		}
	}
	return nil
}

// args reads `command`/`args`: one argument per list item (Kubernetes does
// not split them), with $(VAR) expansion.
func (p *k8sParser) args(n *yaml.Node, env []EnvVar) []Arg {
	var out []Arg
	for _, item := range p.w.items(n) {
		if s, ok := scalar(item); ok {
			text, refs := p.lim.expandKubernetes(s, env, p.w.pos(item))
			out = append(out, Arg{Text: text, Pos: p.w.pos(item), Unknown: len(refs) > 0 || isTemplate([]byte(s))})
		}
	}
	return out
}

// configMap records the data of a ConfigMap and turns its config-file keys
// into EmbeddedFiles.
func (p *k8sParser) configMap(obj *yaml.Node) {
	name := p.name(obj)
	data := p.w.mapping(p.w.get(obj, "data"))
	p.configMaps[name] = data
	for _, e := range data {
		if !isConfigFileName(e.Key.Value) {
			continue
		}
		if s, ok := scalar(e.Value); ok {
			p.embedded = append(p.embedded, p.embeddedFile(name, e.Key, e.Value, s))
		}
	}
}

func isConfigFileName(key string) bool {
	k := strings.ToLower(key)
	return strings.HasSuffix(k, ".properties") || strings.HasSuffix(k, ".yml") || strings.HasSuffix(k, ".yaml")
}

// embeddedFile builds the EmbeddedFile of one data entry. For a literal
// block scalar the content starts on the line after the `|` indicator (the
// value node's line), indented by the block's indentation. The mapping is
// verified against the file's lines; if any line differs (tabs, unusual
// indentation) the file is marked inexact rather than given wrong positions.
func (p *k8sParser) embeddedFile(cm string, key, val *yaml.Node, text string) EmbeddedFile {
	ef := EmbeddedFile{
		Name: key.Value, Data: []byte(text), File: p.file, ConfigMap: cm,
		KeyPos: p.w.pos(key), LineOffset: val.Line - 1,
	}
	if val.Style&yaml.LiteralStyle == 0 {
		return ef
	}
	if indent, ok := p.blockIndent(val.Line, text); ok {
		ef.LineOffset, ef.ColOffset, ef.Exact = val.Line, indent, true
	}
	return ef
}

// blockIndent finds the indentation of the literal block whose indicator is
// on line indicatorLine and checks that every line of text is the file line
// at the same offset with that indentation removed.
func (p *k8sParser) blockIndent(indicatorLine int, text string) (int, bool) {
	textLines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	indent := -1
	for i, tl := range textLines {
		fileLine, ok := p.line(indicatorLine + 1 + i)
		if !ok {
			return 0, false
		}
		if tl == "" {
			if strings.TrimLeft(fileLine, " ") != "" {
				return 0, false
			}
			continue
		}
		if indent < 0 {
			indent = len(fileLine) - len(strings.TrimLeft(fileLine, " "))
		}
		if len(fileLine) < indent || fileLine[indent:] != tl || strings.TrimLeft(fileLine[:indent], " ") != "" {
			return 0, false
		}
	}
	return max(indent, 0), true
}

// line returns 1-based line n without its line terminator.
func (p *k8sParser) line(n int) (string, bool) {
	if n < 1 || n > len(p.lines) {
		return "", false
	}
	return strings.TrimRight(p.lines[n-1], "\r"), true
}

func splitLines(data []byte) []string { return strings.Split(string(data), "\n") }
