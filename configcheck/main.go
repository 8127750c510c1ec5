package configcheck

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Exit codes of `twice config`.
const (
	ExitClean      = 0 // no finding at or above -fail-on
	ExitInputError = 1 // some file could not be read or parsed (takes precedence)
	ExitUsage      = 2 // bad flags
	ExitFindings   = 3 // a finding at or above -fail-on
)

// ToolVersion is written into SARIF output. cmd/twice may set its own
// version through MainWithVersion.
const ToolVersion = "devel"

// Main runs `twice config` with the arguments after "config" and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return MainWithVersion(args, stdout, stderr, ToolVersion)
}

// MainWithVersion is Main with the tool version SARIF should carry.
func MainWithVersion(args []string, stdout, stderr io.Writer, version string) int {
	c := cli{
		stdout: stdout, stderr: stderr, version: version,
		isTerminal:    func() bool { return stderr == io.Writer(os.Stderr) && stderrIsTerminal() },
		progressDelay: 2 * time.Second,
		progressEvery: 200 * time.Millisecond,
	}
	return c.run(context.Background(), args)
}

// stderrIsTerminal reports whether the process's stderr is a character
// device (a terminal), not a pipe or file as in CI.
func stderrIsTerminal() bool {
	fi, err := os.Stderr.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// cli is one run of the command; its hooks make progress output testable
// without a terminal.
type cli struct {
	stdout, stderr io.Writer
	version        string
	workDir        string // "" = process working directory
	sourceRoot     string // SARIF %SRCROOT%; "" = the git work tree top holding workDir
	isTerminal     func() bool
	progressDelay  time.Duration // no progress line for scans shorter than this
	progressEvery  time.Duration
}

type flags struct {
	format string
	failOn string
	quiet  bool
	paths  []string
	help   bool // -h or -help: usage printed, exit 0 (Go convention)
	selection
}

func (c *cli) parseFlags(args []string) (flags, bool) {
	var f flags
	fs := flag.NewFlagSet("twice config", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&f.format, "format", FormatText, "output format: text, json or sarif")
	fs.StringVar(&f.failOn, "fail-on", "warning", "exit 3 when a finding is at or above this severity: error, warning, note or none")
	fs.BoolVar(&f.quiet, "q", false, "no progress line and no summary line (both on stderr)")
	f.selection.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: twice config [-format text|json|sarif] [-fail-on error|warning|note|none] [-exclude GLOB]... [-no-ignore] [-include-testdata] [-q] [paths...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		f.help = errors.Is(err, flag.ErrHelp)
		return f, false
	}
	if err := f.selection.validate(); err != nil {
		fmt.Fprintf(c.stderr, "twice config: %v\n", err)
		return f, false
	}
	switch f.format {
	case FormatText, FormatJSON, FormatSARIF:
	default:
		fmt.Fprintf(c.stderr, "twice config: invalid -format %q: want text, json or sarif\n", f.format)
		return f, false
	}
	switch f.failOn {
	case "error", "warning", "note", "none":
	default:
		fmt.Fprintf(c.stderr, "twice config: invalid -fail-on %q: want error, warning, note or none\n", f.failOn)
		return f, false
	}
	f.paths = fs.Args()
	if len(f.paths) == 0 {
		f.paths = []string{"."}
	}
	return f, true
}

func (c *cli) run(ctx context.Context, args []string) int {
	f, ok := c.parseFlags(args)
	if !ok {
		if f.help {
			return ExitClean
		}
		return ExitUsage
	}
	opts, err := f.selection.apply(Options{WorkDir: c.workDir}).withDefaults()
	if err != nil {
		fmt.Fprintf(c.stderr, "twice config: %v\n", err)
		return ExitInputError
	}
	var prog *progress
	if !f.quiet && f.format == FormatText && c.isTerminal() {
		prog = newProgress(c.stderr, c.progressDelay, c.progressEvery)
		opts.Progress = prog.update
	}
	report, err := Scan(ctx, f.paths, opts)
	if prog != nil {
		prog.stop()
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "twice config: %v\n", err)
		return ExitInputError
	}
	if err := Write(report, f.format, c.stdout, WriteOptions{WorkDir: opts.WorkDir, SourceRoot: c.sourceRoot, ToolVersion: c.version}); err != nil {
		fmt.Fprintf(c.stderr, "twice config: writing output: %v\n", err)
		return ExitInputError
	}
	if f.format == FormatText && !f.quiet {
		// On stderr: stdout keeps only path:line:col: lines (see Summary).
		fmt.Fprintln(c.stderr, Summary(report))
	}
	return report.ExitCode(f.failOn)
}

// progress prints one overwritten status line on a terminal once a scan has
// run longer than a delay, at most every interval, and erases it at the end.
type progress struct {
	w        io.Writer
	start    time.Time
	delay    time.Duration
	every    time.Duration
	mu       sync.Mutex
	last     time.Time
	shown    bool
	lastText int
}

func newProgress(w io.Writer, delay, every time.Duration) *progress {
	return &progress{w: w, start: time.Now(), delay: delay, every: every}
}

func (p *progress) update(files int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < p.delay || (p.shown && now.Sub(p.last) < p.every) {
		return
	}
	text := fmt.Sprintf("twice config: %d files read…", files)
	fmt.Fprintf(p.w, "\r%s", text)
	p.shown, p.last, p.lastText = true, now, len(text)
}

func (p *progress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprintf(p.w, "\r%*s\r", p.lastText, "")
	}
}
