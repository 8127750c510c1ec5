package configcheck

import (
	"flag"
	"strings"

	"github.com/twice-lint/twice/configcheck/internal/walk"
)

// selection is the file-selection part of the command line: -exclude
// (repeatable), -no-ignore and -include-testdata.
type selection struct {
	exclude         globList
	noIgnore        bool
	includeTestdata bool
}

func (s *selection) register(fs *flag.FlagSet) {
	fs.Var(&s.exclude, "exclude", "skip paths matching this glob (.gitignore syntax, relative to the working directory; repeatable)")
	fs.BoolVar(&s.noIgnore, "no-ignore", false, "also read files that .gitignore files ignore")
	fs.BoolVar(&s.includeTestdata, "include-testdata", false, "also read directories named testdata below the scanned paths")
}

func (s *selection) validate() error { return walk.ValidateExcludes(s.exclude) }

func (s *selection) apply(o Options) Options {
	o.Exclude = append(o.Exclude, s.exclude...)
	o.NoIgnore = o.NoIgnore || s.noIgnore
	o.IncludeTestdata = o.IncludeTestdata || s.includeTestdata
	return o
}

// globList is a repeatable string flag.
type globList []string

func (g *globList) String() string { return strings.Join(*g, ",") }

func (g *globList) Set(v string) error {
	*g = append(*g, v)
	return nil
}

// walkOptions are the file-walk settings of a scan: the files the config
// checker reads, and the user's selection.
func (o Options) walkOptions() walk.Options {
	return walk.Options{
		WorkDir:         o.WorkDir,
		MaxSize:         o.MaxFileSize,
		Want:            func(p string) bool { return kindByName(p) != kindNone },
		WantName:        mayBeWantedName,
		Exclude:         o.Exclude,
		NoIgnore:        o.NoIgnore,
		IncludeTestdata: o.IncludeTestdata,
	}
}
