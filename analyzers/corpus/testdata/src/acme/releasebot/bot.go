// Package releasebot publishes GitHub releases and opens version-bump
// pull requests for the platform's repositories.
package releasebot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/avast/retry-go/v4"
	"github.com/google/go-github/v60/github"
)

// Bot talks to GitHub.
type Bot struct {
	gh    *github.Client
	owner string
}

// New returns a bot authenticated with token.
func New(token, owner string) *Bot {
	return &Bot{gh: github.NewClient(&http.Client{Timeout: 30 * time.Second}).WithAuthToken(token), owner: owner}
}

// Publish creates the release, retrying on any error. A published release
// is keyed by its tag: GitHub answers a repeat with 422 already_exists, so
// nothing is created twice (drafts are another matter, see relcli).
func (b *Bot) Publish(ctx context.Context, repo, tag string) (*github.RepositoryRelease, error) {
	return retry.DoWithData(func() (*github.RepositoryRelease, error) {
		rel, _, err := b.gh.Repositories.CreateRelease(ctx, b.owner, repo, &github.RepositoryRelease{
			TagName: github.String(tag),
			Name:    github.String(tag),
		})
		return rel, err
	}, retry.Attempts(3), retry.Context(ctx))
}

// PublishIfMissing looks the tag up first in every attempt: create if
// missing under a fixed name.
func (b *Bot) PublishIfMissing(ctx context.Context, repo, tag string) (*github.RepositoryRelease, error) {
	return retry.DoWithData(func() (*github.RepositoryRelease, error) {
		if rel, _, err := b.gh.Repositories.GetReleaseByTag(ctx, b.owner, repo, tag); err == nil {
			return rel, nil
		}
		rel, resp, err := b.gh.Repositories.CreateRelease(ctx, b.owner, repo, &github.RepositoryRelease{TagName: github.String(tag)})
		if resp != nil && resp.StatusCode == http.StatusConflict {
			return nil, retry.Unrecoverable(errors.New("release exists"))
		}
		return rel, err
	}, retry.Attempts(3))
}

// BumpPR opens the version-bump pull request in a retry loop. Silent: the
// head and base branches key a pull request, and a second open one is
// refused.
func (b *Bot) BumpPR(ctx context.Context, repo, branch, version string) (int, error) {
	var lastErr error
	for attempt := 1; attempt <= 3; attempt++ {
		pr, _, err := b.gh.PullRequests.Create(ctx, b.owner, repo, &github.NewPullRequest{ // check `PullRequests\.Create \(POST .*check: it creates under the Head and Base`
			Title: github.String("Bump to " + version),
			Head:  github.String(branch),
			Base:  github.String("main"),
		})
		if err == nil {
			return pr.GetNumber(), nil
		}
		lastErr = err
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return 0, fmt.Errorf("opening PR in %s: %w", repo, lastErr)
}

// EditNotes rewrites the release notes, retried: an absolute edit.
func (b *Bot) EditNotes(ctx context.Context, repo string, id int64, notes string) error {
	return retry.Do(func() error {
		_, _, err := b.gh.Repositories.EditRelease(ctx, b.owner, repo, id, &github.RepositoryRelease{Name: github.String(notes)}) // check `Repositories\.EditRelease \(PATCH .*check: a PATCH update`
		return err
	}, retry.Attempts(3))
}

// OpenPRs lists open pull requests with retries: a read.
func (b *Bot) OpenPRs(ctx context.Context, repo string) ([]*github.PullRequest, error) {
	return retry.DoWithData(func() ([]*github.PullRequest, error) {
		prs, _, err := b.gh.PullRequests.List(ctx, b.owner, repo, &github.PullRequestListOptions{State: "open"})
		return prs, err
	}, retry.Attempts(3))
}

// AnnounceAll comments on each released issue once: distinct issues.
func (b *Bot) AnnounceAll(ctx context.Context, repo string, issues []int, tag string) error {
	for _, n := range issues {
		if _, _, err := b.gh.Issues.CreateComment(ctx, b.owner, repo, n, &github.IssueComment{Body: github.String("Released in " + tag)}); err != nil {
			return err
		}
	}
	return nil
}
