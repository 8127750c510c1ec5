package configcheck

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/springconf"
)

// Imports and remote config: the files spring.config.import pulls in when
// they are in the repository, committed config-center data-ids, and the
// remote sources whose data is not (they make a locally absent value
// unknown).

// resolveImports adds the files that spring.config.import pulls in (when
// they are in the repository) and lists remote config sources whose data is
// not: Nacos/Apollo/Config Server imports and bootstrap config-center
// settings.
func resolveImports(inv *inventory, module string, files []configFile) ([]configFile, []string) {
	out := slices.Clone(files)
	seen := map[*springFile]bool{}
	for _, f := range files {
		seen[f.sf] = true
	}
	var remote []string
	for i := 0; i < len(out); i++ {
		f := out[i]
		depth := importDepth(f)
		for _, e := range allEntries(f.sf) {
			switch key := springconf.CanonicalKey(e.Key); {
			case key == springconf.CanonicalKey("spring.config.import") || strings.HasPrefix(key, springconf.CanonicalKey("spring.config.import")+"["):
				for _, loc := range splitImport(expandFromFiles(e.Value, out)) {
					sf, remoteDesc := resolveImport(inv, module, f.sf.path, loc)
					if remoteDesc != "" {
						remote = append(remote, fmt.Sprintf("spring.config.import=%s (%s)", loc, e.Pos))
					}
					if sf != nil && !seen[sf] && depth < maxImportDepth {
						seen[sf] = true
						parent := f
						out = append(out, configFile{sf: sf, outside: f.outside, configDir: f.configDir, role: roleApplication, yaml: sf.yaml, importedBy: &parent, failed: inv.failed[sf]})
					}
				}
			default:
				if d := configCenter(key, e); d != "" {
					remote = append(remote, d)
				}
			}
		}
	}
	if slices.ContainsFunc(remote, isNacosCenter) {
		data, known := nacosBootstrapData(inv, out)
		out = append(out, data...)
		if known {
			remote = slices.DeleteFunc(remote, isNacosCenter)
		}
	}
	return out, remote
}

// expandFromFiles resolves ${name} placeholders in an import location
// against the config files' own entries (e.g.
// nacos:${spring.application.name}.yaml). A placeholder that cannot be
// resolved is left as written, so the location stays remote or missing.
func expandFromFiles(v string, files []configFile) string {
	if !strings.Contains(v, "${") {
		return v
	}
	out, _ := springconf.Expand(v, func(name string) (string, bool, bool) {
		want := springconf.CanonicalKey(name)
		for _, f := range files {
			for _, e := range allEntries(f.sf) {
				if springconf.CanonicalKey(e.Key) == want {
					return e.Value, true, !e.Opaque
				}
			}
		}
		return "", false, true
	})
	return out
}

func importDepth(f configFile) int {
	d := 0
	for p := f.importedBy; p != nil; p = p.importedBy {
		d++
	}
	return d
}

// allEntries lists every entry of a file regardless of profile activation:
// imports and config-center settings are looked for everywhere, since a
// remote source anywhere makes a locally absent value uncertain.
func allEntries(sf *springFile) []springconf.Entry {
	if sf.file == nil {
		return nil
	}
	var out []springconf.Entry
	for _, d := range sf.file.Docs {
		out = append(out, d.Entries...)
	}
	return out
}

func splitImport(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// resolveImport finds an imported location in the repository. It returns
// the file, or a non-empty description when the location is remote and its
// data is not committed, or the location is an absolute path on the
// server's machine. Missing relative files are ignored (Spring fails or,
// with optional:, skips them; neither sets the key).
func resolveImport(inv *inventory, module, importer, loc string) (*springFile, string) {
	loc = strings.TrimPrefix(strings.TrimSpace(loc), "optional:")
	scheme, rest, hasScheme := strings.Cut(loc, ":")
	if !hasScheme || len(scheme) == 1 { // no scheme (or a Windows drive letter): a file path
		scheme, rest = "file", loc
	}
	switch scheme {
	case "classpath":
		rest = strings.TrimPrefix(rest, "/")
		return firstFile(inv, path.Join(module, "src/main/resources", rest), path.Join(path.Dir(importer), rest)), ""
	case "file":
		if path.IsAbs(rest) {
			// A file on the machine that runs the server: its content is
			// not in the repository (an unevaluated source, not an absent
			// one).
			return nil, "file"
		}
		return firstFile(inv, path.Join(module, rest), path.Join(path.Dir(importer), rest)), ""
	case "nacos":
		dataID, _, _ := strings.Cut(rest, "?")
		if sf := committedDataID(inv, dataID); sf != nil {
			return sf, ""
		}
		return nil, "nacos"
	}
	return nil, scheme
}

func firstFile(inv *inventory, candidates ...string) *springFile {
	for _, c := range candidates {
		if sf := inv.byPath[path.Clean(c)]; sf != nil {
			return sf
		}
	}
	return nil
}

// committedDataID finds a config-center data-id committed to the
// repository (e.g. config/nacos/powerjob-server.properties): the file with
// that base name, the first in path order when there are several.
func committedDataID(inv *inventory, dataID string) *springFile {
	dataID = strings.TrimSpace(dataID)
	if dataID == "" {
		return nil
	}
	files := inv.byBase[path.Base(dataID)]
	if len(files) == 0 {
		return nil
	}
	return slices.MinFunc(files, func(a, b *springFile) int { return strings.Compare(a.path, b.path) })
}

// configCenter recognises bootstrap settings that load config from a config
// center at startup. Nacos/Apollo/Spring Cloud Config only pull remote data
// when these are set (and not switched off).
func configCenter(key string, e springconf.Entry) string {
	disabled := func() bool { b, ok := springconf.Truthy(e.Value); return ok && !b }
	switch {
	case key == canonNacosServerAddr:
		return fmt.Sprintf("%s %s (%s)", nacosCenterDesc, e.Key, e.Pos)
	case key == springconf.CanonicalKey("apollo.meta"):
		return fmt.Sprintf("Apollo config center %s (%s)", e.Key, e.Pos)
	case key == springconf.CanonicalKey("apollo.bootstrap.enabled") && !disabled() && e.Value != "":
		return fmt.Sprintf("Apollo config center %s (%s)", e.Key, e.Pos)
	case key == springconf.CanonicalKey("spring.cloud.config.uri"):
		return fmt.Sprintf("Spring Cloud Config server %s (%s)", e.Key, e.Pos)
	}
	return ""
}

const nacosCenterDesc = "Nacos config center"

// canonNacosServerAddr is computed once: configCenter runs for every entry
// of every server's config.
var canonNacosServerAddr = springconf.CanonicalKey("spring.cloud.nacos.config.server-addr")

func isNacosCenter(r string) bool { return strings.HasPrefix(r, nacosCenterDesc) }

// nacosBootstrapData loads the data-ids a Nacos config center (bootstrap
// settings spring.cloud.nacos.config.*) serves, when they are committed to
// the repository: ${prefix}.${file-extension} (prefix defaults to
// spring.application.name, the extension to properties), its
// ${prefix}-${profile} variants, and shared-configs / extension-configs
// data-ids. known is true when the center is switched off or its main
// data-id is committed: then a key absent from all of them is absent, not
// unknown. Remote data overrides the local files, so the files are marked
// remoteData (ranked first).
func nacosBootstrapData(inv *inventory, files []configFile) (data []configFile, known bool) {
	get := func(k string) string {
		want := springconf.CanonicalKey(k)
		for _, f := range files {
			for _, e := range allEntries(f.sf) {
				if springconf.CanonicalKey(e.Key) == want {
					return strings.TrimSpace(e.Value)
				}
			}
		}
		return ""
	}
	if b, ok := springconf.Truthy(get("spring.cloud.nacos.config.enabled")); ok && !b {
		return nil, true
	}
	loaded := map[*springFile]bool{}
	for _, f := range files {
		loaded[f.sf] = true
	}
	add := func(sf *springFile, profile string) {
		if sf == nil || loaded[sf] {
			return
		}
		loaded[sf] = true
		data = append(data, configFile{sf: sf, outside: true, remoteData: true, role: roleApplication, profile: profile, yaml: sf.yaml})
	}
	for _, id := range nacosListedDataIDs(files) {
		add(committedDataID(inv, id), "")
	}
	prefix := cmpOr(get("spring.cloud.nacos.config.prefix"), get("spring.application.name"))
	ext := cmpOr(get("spring.cloud.nacos.config.file-extension"), "properties")
	if prefix == "" || strings.Contains(prefix+ext, "${") {
		return data, false
	}
	main := committedDataID(inv, prefix+"."+ext)
	add(main, "")
	for base, sfs := range inv.byBase {
		rest, ok := strings.CutPrefix(base, prefix+"-")
		if profile, ok2 := strings.CutSuffix(rest, "."+ext); ok && ok2 && profile != "" {
			add(slices.MinFunc(sfs, func(a, b *springFile) int { return strings.Compare(a.path, b.path) }), profile)
		}
	}
	slices.SortStableFunc(data, func(a, b configFile) int { return strings.Compare(a.sf.path, b.sf.path) })
	return data, main != nil
}

// nacosListedDataIDs returns the data-ids named by
// spring.cloud.nacos.config.shared-configs[n].data-id and
// extension-configs[n].data-id (also the legacy shared-dataids list).
func nacosListedDataIDs(files []configFile) []string {
	base := springconf.CanonicalKey("spring.cloud.nacos.config")
	var out []string
	for _, f := range files {
		for _, e := range allEntries(f.sf) {
			rest, ok := strings.CutPrefix(springconf.CanonicalKey(e.Key), base+".")
			if !ok {
				continue
			}
			switch {
			case (strings.HasPrefix(rest, "sharedconfigs[") || strings.HasPrefix(rest, "extensionconfigs[")) && strings.HasSuffix(rest, "].dataid"):
				out = append(out, strings.TrimSpace(e.Value))
			case rest == "shareddataids":
				out = append(out, splitImport(e.Value)...)
			}
		}
	}
	return out
}
