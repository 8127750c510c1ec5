package manifest

import "maps"

// ParseFile parses one build manifest into a Project of its own. A caller
// that re-checks often (the language server) keeps these parts and merges
// them, so that a change re-parses only the file that changed. Resolution
// (Modules) never modifies the parsed files, which is what makes sharing a
// part between merged projects safe.
func ParseFile(path string, data []byte) (*Project, error) {
	p := NewProject()
	return p, p.Add(path, data)
}

// Merge adds everything q holds to p; a file of q replaces p's file of the
// same path (or, for per-directory files, of the same directory).
func (p *Project) Merge(q *Project) {
	maps.Copy(p.poms, q.poms)
	maps.Copy(p.gradle, q.gradle)
	maps.Copy(p.settingsDirs, q.settingsDirs)
	maps.Copy(p.props, q.props)
	maps.Copy(p.catalogs, q.catalogs)
	maps.Copy(p.locks, q.locks)
	maps.Copy(p.mavenConfigs, q.mavenConfigs)
}
