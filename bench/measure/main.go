// Command measure runs two or more shell commands alternately, several times
// each, and prints the median wall time and the peak resident set size of
// each, with ratios against the first one (the floor).
//
// Alternating the commands within one run is what makes the ratios
// meaningful on a noisy machine: a burst of load slows both sides, not one.
//
//	measure -runs 5 -setup 'rm -rf /tmp/c && cp -a /tmp/warm /tmp/c' \
//	    floor='GOCACHE=/tmp/c go vet -vettool=/tmp/floor ./...' \
//	    twice='GOCACHE=/tmp/c go vet -vettool=/tmp/twice ./...'
//
// Exit statuses of the measured commands are recorded but not judged: twice
// exits 3 when it finds something, which is not a failure here.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

type command struct {
	name, shell string
	walls       []time.Duration
	peakKiB     int64
	exitCodes   []int
}

func main() {
	runs := flag.Int("runs", 5, "measured runs of each command")
	setup := flag.String("setup", "", "shell command run, untimed, before every measured run (e.g. reset a cache)")
	dir := flag.String("C", "", "working directory of the commands")
	label := flag.String("label", "", "title printed above the table")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: measure [flags] floor='cmd' name='cmd' …\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	cmds, err := parseCommands(flag.Args())
	if err != nil || *runs < 1 {
		if err == nil {
			err = errors.New("-runs must be at least 1")
		}
		fmt.Fprintln(os.Stderr, "measure:", err)
		flag.Usage()
		os.Exit(2)
	}
	for i := 0; i < *runs; i++ {
		for _, c := range cmds {
			if *setup != "" {
				if err := run(*setup, *dir, io.Discard, nil); err != nil {
					fmt.Fprintf(os.Stderr, "measure: setup: %v\n", err)
					os.Exit(1)
				}
			}
			if err := run(c.shell, *dir, io.Discard, c); err != nil {
				fmt.Fprintf(os.Stderr, "measure: %s: %v\n", c.name, err)
				os.Exit(1)
			}
		}
	}
	printTable(os.Stdout, *label, cmds)
}

func parseCommands(args []string) ([]*command, error) {
	if len(args) < 2 {
		return nil, errors.New("need a floor and at least one command to compare, as name='shell command'")
	}
	var cmds []*command
	for _, a := range args {
		name, shell, ok := strings.Cut(a, "=")
		if !ok || name == "" || shell == "" {
			return nil, fmt.Errorf("argument %q is not name='shell command'", a)
		}
		cmds = append(cmds, &command{name: name, shell: shell})
	}
	return cmds, nil
}

// run executes shell with bash and, when c is not nil, records its wall
// time, exit code and peak RSS (ru_maxrss of the waited-for process tree).
func run(shell, dir string, out io.Writer, c *command) error {
	cmd := exec.Command("bash", "-c", shell)
	cmd.Dir = dir
	cmd.Stdout = out
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return err
	}
	code := cmd.ProcessState.ExitCode()
	if c == nil {
		if code != 0 {
			return fmt.Errorf("exit %d: %s", code, stderr.String())
		}
		return nil
	}
	if code != 0 && code != 3 && code != 1 {
		return fmt.Errorf("exit %d: %s", code, stderr.String())
	}
	c.walls = append(c.walls, wall)
	c.exitCodes = append(c.exitCodes, code)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > c.peakKiB {
		c.peakKiB = ru.Maxrss
	}
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func printTable(w io.Writer, label string, cmds []*command) {
	if label != "" {
		fmt.Fprintf(w, "## %s\n\n", label)
	}
	fmt.Fprintln(w, "| command | runs | median wall | peak RSS | time ratio | memory ratio | exit codes |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	floor := cmds[0]
	fm, fr := median(floor.walls), floor.peakKiB
	for _, c := range cmds {
		m := median(c.walls)
		fmt.Fprintf(w, "| %s | %d | %.2fs | %d MiB | %.2f | %.2f | %v |\n",
			c.name, len(c.walls), m.Seconds(), c.peakKiB/1024,
			float64(m)/float64(fm), float64(c.peakKiB)/float64(max(fr, 1)), c.exitCodes)
	}
	fmt.Fprintln(w)
}
