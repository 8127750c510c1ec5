package configcheck

import (
	"bytes"
	"errors"
	"path"
	"strings"

	"github.com/twice-lint/twice/configcheck/deploy"
	"github.com/twice-lint/twice/configcheck/manifest"
	"github.com/twice-lint/twice/configcheck/source"
	"github.com/twice-lint/twice/configcheck/springconf"
)

// fileKind is what a discovered file is read as.
type fileKind int

const (
	kindNone       fileKind = iota
	kindSpring              // application*/bootstrap* config, or another .properties/.yml that may hold oms. keys
	kindManifest            // Maven/Gradle build files, catalogs, lockfiles
	kindCompose             // docker-compose files
	kindDockerfile          // Dockerfiles
)

// kindByName classifies a file by its name alone, so that files nobody
// needs are never opened. Kubernetes manifests are .yml/.yaml files and are
// recognised later, by content.
func kindByName(p string) fileKind {
	base := path.Base(p)
	switch {
	case manifest.IsManifest(p):
		return kindManifest
	case deploy.IsComposeFile(p):
		return kindCompose
	case deploy.IsDockerfile(p):
		return kindDockerfile
	}
	switch strings.ToLower(path.Ext(base)) {
	case ".properties", ".yml", ".yaml":
		return kindSpring
	}
	return kindNone
}

// springRole says how Spring Boot loads a config file by its name.
type springRole int

const (
	roleOther       springRole = iota // loaded only if imported or mounted
	roleApplication                   // application.* / application-{profile}.*
	roleBootstrap                     // bootstrap.* / bootstrap-{profile}.* (Spring Cloud)
)

// springFile is a parsed Spring property source and what its name means.
type springFile struct {
	file    *springconf.File
	path    string
	role    springRole
	profile string // "prod" for application-prod.yml; "" for a base file
	yaml    bool
	hasOMS  bool   // some key is under oms.
	cfgMap  string // ConfigMap name when the file is embedded in a Kubernetes manifest
	cfgName string // the ConfigMap data key (file name) of an embedded file
	// deferred: read but not parsed yet (lazy.go); loadDeferred parses it
	// when its module turns out to be a server's.
	deferred bool
}

// springName splits a config file name into role and profile.
func springName(p string) (role springRole, profile string, isYAML bool) {
	base := path.Base(p)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	isYAML = strings.EqualFold(ext, ".yml") || strings.EqualFold(ext, ".yaml")
	for _, c := range []struct {
		prefix string
		role   springRole
	}{{"application", roleApplication}, {"bootstrap", roleBootstrap}} {
		if stem == c.prefix {
			return c.role, "", isYAML
		}
		if rest, ok := strings.CutPrefix(stem, c.prefix+"-"); ok && rest != "" {
			return c.role, rest, isYAML
		}
	}
	return roleOther, "", isYAML
}

// fileFacts is everything kept from one file after parsing; the bytes are
// dropped (except for manifests, which are resolved together later).
type fileFacts struct {
	path       string
	kind       fileKind
	spring     []*springFile // the file itself, or ConfigMap-embedded files
	containers []deploy.Container
	endpoints  []deploy.Endpoint // Kubernetes Services and Ingress rules
	manifest   []byte
	// parsed is manifest parsed by a scan's reader (off the serial
	// part of the scan), with its parse error; manifest is then nil.
	parsed      *manifest.Project
	manifestErr error
	errs        []InputError
	deferred    *deferredFile // read but not parsed (lazy.go)
}

// parseFile turns one file's bytes into facts. It never panics on bad input:
// parsers report *source.Error, which becomes an InputError.
func parseFile(p string, kind fileKind, data []byte) fileFacts {
	ff := fileFacts{path: p, kind: kind}
	switch kind {
	case kindManifest:
		ff.manifest = data
	case kindCompose:
		cs, err := deploy.ParseCompose(p, data)
		ff.addErr(p, err)
		ff.containers = cs
	case kindDockerfile:
		if !deploy.LooksLikeDockerfile(data) {
			// Named like a Dockerfile but something else (notes, a
			// script): not a Dockerfile, so nothing to report.
			ff.kind = kindNone
			return ff
		}
		cs, err := deploy.ParseDockerfile(p, data)
		ff.addErr(p, err)
		ff.containers = cs
	case kindSpring:
		ff.parseSpringOrKubernetes(p, data)
	}
	return ff
}

func (ff *fileFacts) parseSpringOrKubernetes(p string, data []byte) {
	role, _, isYAML := springName(p)
	if role == roleOther && isYAML && deploy.LooksLikeKubernetes(data) {
		ff.parseKubernetes(p, data)
		return
	}
	if role == roleOther && !mayHoldOMSKeys(data) {
		// Not loaded by name and no server key in it: remember only that the
		// file exists (a committed Nacos data-id without oms. keys still
		// means "key absent", not "remote, unknown").
		ff.spring = []*springFile{{path: p, role: roleOther, yaml: isYAML, file: &springconf.File{Path: p}}}
		return
	}
	sf, err := parseSpring(p, data, p, wholeFile(p))
	if err != nil {
		ff.addErr(p, err)
		return
	}
	ff.spring = []*springFile{sf}
}

func (ff *fileFacts) parseKubernetes(p string, data []byte) {
	objs, err := deploy.ParseKubernetesObjects(p, data)
	ff.addErr(p, err)
	ff.containers, ff.endpoints = objs.Containers, objs.Endpoints
	for _, e := range objs.Embedded {
		sf, err := parseSpring(e.Name, e.Data, e.File, embeddedIn(e))
		if err != nil {
			ff.addErr(e.File, err)
			continue
		}
		sf.cfgMap, sf.cfgName = e.ConfigMap, e.Name
		ff.spring = append(ff.spring, sf)
	}
}

// mayHoldOMSKeys is a cheap pre-filter for files that are not loaded by name:
// an oms. key is written "oms." (properties, dotted YAML) or "oms:" (nested
// YAML). Files without either are not parsed, so a malformed YAML file that
// has nothing to do with PowerJob is not reported.
func mayHoldOMSKeys(data []byte) bool {
	lower := bytes.ToLower(data)
	return bytes.Contains(lower, []byte("oms.")) || bytes.Contains(lower, []byte("oms:"))
}

// parseSpring parses a properties or YAML source held in file. name decides
// the format and the Spring role; every position the parser reports (keys,
// profile activations, errors) is mapped into file by at.
func parseSpring(name string, data []byte, file string, at placement) (*springFile, error) {
	role, profile, isYAML := springName(name)
	parse := springconf.ParseProperties
	if isYAML {
		parse = springconf.ParseYAML
	}
	f, err := parse(file, data)
	if err != nil {
		return nil, placeError(err, at)
	}
	sf := &springFile{file: f, path: file, role: role, profile: profile, yaml: isYAML}
	for di := range f.Docs {
		for ei := range f.Docs[di].Entries {
			e := &f.Docs[di].Entries[ei]
			e.Pos = at(e.Pos)
			if strings.HasPrefix(springconf.CanonicalKey(e.Key), "oms.") {
				sf.hasOMS = true
			}
		}
		f.Docs[di].OnProfilePos = at(f.Docs[di].OnProfilePos)
	}
	if role == roleOther && !sf.hasOMS {
		f.Docs = nil // keep only the fact that the file exists
	}
	return sf, nil
}

// placement maps a position in parsed bytes to the position in the file
// that holds them. A zero line ("the whole file", or no position) keeps its
// zero line.
type placement func(source.Pos) source.Pos

// wholeFile places the positions of a file parsed on its own.
func wholeFile(file string) placement {
	return func(p source.Pos) source.Pos {
		p.File = file
		return p
	}
}

// embeddedIn places the positions of a config file carried in a Kubernetes
// ConfigMap. A literal block ("key: |") maps line for line (shifted by the
// block's line and indentation). Any other style — quoted with \n escapes,
// folded, plain — does not: line N of the value is not line N of the block,
// so every position inside it is reported at the data key instead of at a
// wrong line.
func embeddedIn(e deploy.EmbeddedFile) placement {
	if !e.Exact {
		return func(p source.Pos) source.Pos {
			if p.Line <= 0 {
				p.File = e.File
				return p
			}
			return e.KeyPos
		}
	}
	return func(p source.Pos) source.Pos {
		if p.Line > 0 {
			p.Line += e.LineOffset
			p.Col += e.ColOffset
		}
		p.File = e.File
		return p
	}
}

// placeError maps the position of a parser's *source.Error; other errors
// are returned as they are.
func placeError(err error, at placement) error {
	var se *source.Error
	if errors.As(err, &se) {
		return &source.Error{Pos: at(se.Pos), Msg: se.Msg}
	}
	return err
}

// addErr records a parse error. Go/Helm templates are skipped silently.
func (ff *fileFacts) addErr(p string, err error) {
	if err == nil || errors.Is(err, springconf.ErrTemplate) {
		return
	}
	ff.errs = append(ff.errs, inputErrorOf(p, err))
}

// inputErrorOf builds an InputError, taking the position from a
// *source.Error when there is one (else the whole file).
func inputErrorOf(p string, err error) InputError {
	var se *source.Error
	if errors.As(err, &se) {
		pos := se.Pos
		if pos.File == "" {
			pos.File = p
		}
		return InputError{Message: se.Msg, Location: locationOf(pos)}
	}
	return InputError{Message: err.Error(), Location: locationOf(source.Pos{File: p})}
}
