// Command relcli cuts releases: it creates the GitHub release for a tag,
// opens the version-bump pull request in the downstream repositories and
// announces the release on the tracking issue. GitHub calls are retried
// with retry-go or with the small generic helper below, because the API
// answers 502 under load — sometimes after it has done the work.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/avast/retry-go/v4"
	"github.com/google/go-github/v60/github"
)

type cli struct {
	gh    *github.Client
	owner string
	repo  string
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "relcli:", err)
		os.Exit(1)
	}
}

// run parses the command line and dispatches.
func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("relcli", flag.ContinueOnError)
	owner := fs.String("owner", "acme", "repository owner")
	repo := fs.String("repo", "", "repository")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return errors.New("usage: relcli [flags] release|bump|announce TAG")
	}
	c := &cli{gh: github.NewClient(&http.Client{Timeout: 20 * time.Second}).WithAuthToken(os.Getenv("GITHUB_TOKEN")), owner: *owner, repo: *repo}
	tag := fs.Arg(1)
	switch fs.Arg(0) {
	case "release":
		_, err := c.release(ctx, tag)
		return err
	case "bump":
		return c.bump(ctx, tag, []string{"web", "worker"})
	case "announce":
		return c.announce(ctx, tag, 1)
	}
	return fmt.Errorf("unknown command %q", fs.Arg(0))
}

// withRetry calls fn until it succeeds, at most attempts times.
func withRetry[T any](ctx context.Context, attempts int, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	var err error
	for i := 0; i < attempts; i++ {
		var v T
		if v, err = fn(ctx); err == nil {
			return v, nil
		}
		select {
		case <-ctx.Done():
			return zero, ctx.Err()
		case <-time.After(time.Duration(i+1) * time.Second):
		}
	}
	return zero, err
}

// release creates the GitHub release, retried by retry-go: a release
// created by an attempt answered with 502 is created again (as a second
// draft when drafts are used).
func (c *cli) release(ctx context.Context, tag string) (*github.RepositoryRelease, error) {
	return retry.DoWithData(func() (*github.RepositoryRelease, error) {
		rel, _, err := c.gh.Repositories.CreateRelease(ctx, c.owner, c.repo, &github.RepositoryRelease{ // check `Repositories\.CreateRelease .*inside retry\.DoWithData \(avast/retry-go\) runs again on every retry`
			TagName: github.String(tag),
			Name:    github.String(tag),
			Draft:   github.Bool(true),
		})
		return rel, err
	}, retry.Attempts(3), retry.Context(ctx))
}

// releaseIfMissing looks the release up (retried: a read) and creates it
// once when it does not exist.
func (c *cli) releaseIfMissing(ctx context.Context, tag string) (*github.RepositoryRelease, error) {
	rel, err := withRetry(ctx, 3, func(ctx context.Context) (*github.RepositoryRelease, error) {
		rel, _, err := c.gh.Repositories.GetReleaseByTag(ctx, c.owner, c.repo, tag)
		return rel, err
	})
	if err == nil {
		return rel, nil
	}
	var er *github.ErrorResponse
	if !errors.As(err, &er) {
		return nil, err
	}
	rel, _, err = c.gh.Repositories.CreateRelease(ctx, c.owner, c.repo, &github.RepositoryRelease{TagName: github.String(tag)})
	return rel, err
}

// bump opens the version-bump pull request in each downstream repository,
// each retried by withRetry. Silent: a pull request is keyed by its head
// and base branches, and GitHub refuses a second open one (422), so an
// attempt whose answer was lost is not opened twice.
func (c *cli) bump(ctx context.Context, tag string, repos []string) error {
	for _, repo := range repos {
		_, err := withRetry(ctx, 3, func(ctx context.Context) (*github.PullRequest, error) {
			pr, _, err := c.gh.PullRequests.Create(ctx, c.owner, repo, &github.NewPullRequest{ // check `PullRequests\.Create \(POST /repos/\{…\}/\{…\}/pulls\).*check: it creates under the Head and Base`
				Title: github.String("Bump to " + tag),
				Head:  github.String("bump-" + tag),
				Base:  github.String("main"),
			})
			return pr, err
		})
		if err != nil {
			return fmt.Errorf("bumping %s: %w", repo, err)
		}
	}
	return nil
}

// openBumps lists the open bump pull requests: a read, retried.
func (c *cli) openBumps(ctx context.Context) ([]*github.PullRequest, error) {
	return withRetry(ctx, 5, func(ctx context.Context) ([]*github.PullRequest, error) {
		prs, _, err := c.gh.PullRequests.List(ctx, c.owner, c.repo, &github.PullRequestListOptions{State: "open"})
		return prs, err
	})
}

// publish turns the draft into a release: editing the same release with
// the same body twice leaves it as it is.
func (c *cli) publish(ctx context.Context, id int64) error {
	return retry.Do(func() error {
		_, _, err := c.gh.Repositories.EditRelease(ctx, c.owner, c.repo, id, &github.RepositoryRelease{Draft: github.Bool(false)}) // check `Repositories\.EditRelease \(PATCH .*check: a PATCH update`
		return err
	}, retry.Attempts(3))
}

// dropDraft deletes a draft release, retried: a delete is idempotent.
func (c *cli) dropDraft(ctx context.Context, id int64) error {
	return retry.Do(func() error {
		_, err := c.gh.Repositories.DeleteRelease(ctx, c.owner, c.repo, id)
		return err
	}, retry.Attempts(3))
}

// announce comments on the tracking issue, retried: a comment whose
// answer was lost is posted twice.
func (c *cli) announce(ctx context.Context, tag string, issue int) error {
	body := fmt.Sprintf("Released %s", tag)
	return retry.Do(func() error {
		_, _, err := c.gh.Issues.CreateComment(ctx, c.owner, c.repo, issue, &github.IssueComment{Body: &body}) // check `Issues\.CreateComment .*inside retry\.Do \(avast/retry-go\) runs again on every retry`
		return err
	}, retry.Attempts(3), retry.Context(ctx))
}

// noteOnce comments once, without retrying.
func (c *cli) noteOnce(ctx context.Context, issue int, text string) error {
	_, _, err := c.gh.Issues.CreateComment(ctx, c.owner, c.repo, issue, &github.IssueComment{Body: &text})
	return err
}
