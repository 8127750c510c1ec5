package configcheck

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/twice-lint/twice/configcheck/springconf"
)

// springLocs is where a containerised Spring Boot application reads its
// config files from outside the jar: by default file:./, file:./config/ and
// file:./config/*/ relative to the working directory, replaced by
// spring.config.location and extended by spring.config.additional-location.
type springLocs struct {
	workDir  string   // "" when unknown
	dirs     []string // directories whose application* files are read
	wildDirs []string // directories whose immediate subdirectories are read (config/*/)
	files    []string // files read whatever their name
	explicit string   // the spring.config.location/additional-location settings, for messages
}

var (
	canonConfigLocation   = springconf.CanonicalKey("spring.config.location")
	canonAdditionalConfig = springconf.CanonicalKey("spring.config.additional-location")
)

// springLocations reads the locations from the container's fixed sources
// (the highest-precedence setting of each key wins).
func springLocations(fixed []layer, wd string) springLocs {
	l := springLocs{workDir: wd}
	loc, hasLoc := firstSetting(fixed, canonConfigLocation)
	add, hasAdd := firstSetting(fixed, canonAdditionalConfig)
	if !hasLoc && wd != "" {
		l.dirs = append(l.dirs, wd, path.Join(wd, "config"))
		l.wildDirs = append(l.wildDirs, path.Join(wd, "config"))
	}
	var explicit []string
	for _, s := range []setting{loc, add} {
		if s.name == "" {
			continue
		}
		explicit = append(explicit, s.name+"="+s.value)
		for _, v := range splitImport(s.value) {
			l.addLocation(v)
		}
	}
	_ = hasAdd
	l.explicit = strings.Join(explicit, ", ")
	return l
}

func firstSetting(layers []layer, key string) (setting, bool) {
	for _, ly := range layers {
		if s, ok := ly.lookup(key); ok && !s.unknown {
			return s, true
		}
		if ly.kind != srcEnv {
			continue
		}
		// Spring also binds the legacy form with underscores for dashes
		// (SPRING_CONFIG_ADDITIONAL_LOCATION), which relaxed binding reads
		// as spring.config.additional.location.
		for i := len(ly.settings) - 1; i >= 0; i-- {
			if s := ly.settings[i]; !s.unknown && springconf.CanonicalKey(strings.ReplaceAll(strings.ToLower(s.name), "_", "")) == strings.ReplaceAll(key, ".", "") {
				return s, true
			}
		}
	}
	return setting{}, false
}

// addLocation adds one location value: optional: and file: prefixes are
// dropped, classpath: locations are inside the jar (not mounts), relative
// paths are taken from the working directory.
func (l *springLocs) addLocation(v string) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "optional:")
	if strings.HasPrefix(v, "classpath:") {
		return
	}
	v = strings.TrimPrefix(v, "file:")
	if v == "" {
		return
	}
	isDir := strings.HasSuffix(v, "/")
	if !path.IsAbs(v) {
		if l.workDir == "" {
			return
		}
		v = path.Join(l.workDir, v)
	}
	switch {
	case strings.HasSuffix(v, "/*"):
		l.wildDirs = append(l.wildDirs, path.Clean(strings.TrimSuffix(v, "/*")))
	case isDir:
		l.dirs = append(l.dirs, path.Clean(v))
	default:
		l.files = append(l.files, path.Clean(v))
	}
}

// reads reports whether a file mounted at target is loaded, and under which
// role and profile. With an unknown working directory and no explicit
// location, every application*/bootstrap* file and every file with oms. keys
// is taken as read.
func (l springLocs) reads(target string, sf *springFile) (springRole, string, bool) {
	target = path.Clean(target)
	role, profile, _ := springName(target)
	if slices.Contains(l.files, target) {
		if role == roleOther {
			role = roleApplication
		}
		return role, profile, true
	}
	if l.workDir == "" && l.explicit == "" {
		if role == roleOther {
			return roleApplication, "", sf.hasOMS
		}
		return role, profile, true
	}
	if role == roleOther {
		return role, "", false
	}
	dir := path.Dir(target)
	if slices.Contains(l.dirs, dir) || slices.Contains(l.wildDirs, path.Dir(dir)) {
		return role, profile, true
	}
	return role, "", false
}

// describe says where Spring looks, for a message.
func (l springLocs) describe() string {
	var parts []string
	if l.workDir != "" && !slices.Contains(l.dirs, l.workDir) && l.explicit != "" {
		parts = append(parts, "spring.config.location replaces the default locations")
	} else if l.workDir != "" {
		wd := strings.TrimSuffix(l.workDir, "/")
		parts = append(parts, fmt.Sprintf("the working directory is %s, so Spring reads %s/application.* and %s/config/", l.workDir, wd, wd))
	}
	if l.explicit != "" {
		parts = append(parts, l.explicit)
	}
	return strings.Join(parts, "; ")
}
