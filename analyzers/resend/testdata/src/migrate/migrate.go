// Package migrate applies schema migrations through a migration service's
// HTTP API. Its configuration decides when a version is recorded (before or
// after the run), and a fallback opens a session without a parameter: none
// of that re-sends a request. Tests call the API twice on purpose, with
// assertions between the calls.
package migrate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

type Config struct {
	RecordAfterRun bool
	BaseURL        string
}

type Migrator struct {
	hc  *http.Client
	cfg Config
}

type Version struct {
	ID  int64
	SQL string
}

type runResult struct {
	Dirty bool `json:"dirty"`
}

var errDirty = errors.New("migrate: database is dirty")

func (m *Migrator) record(ctx context.Context, v Version) (*http.Response, error) {
	body, _ := json.Marshal(v)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.cfg.BaseURL+"/versions", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return m.hc.Do(req)
}

func (m *Migrator) run(ctx context.Context, v Version) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, m.cfg.BaseURL+"/runs/"+fmt.Sprint(v.ID), bytes.NewReader([]byte(v.SQL)))
	if err != nil {
		return nil, err
	}
	return m.hc.Do(req)
}

// Apply records the version before or after running it, as configured: the
// two record calls sit under opposite outcomes of one setting, so at most
// one of them runs.
func (m *Migrator) Apply(ctx context.Context, v Version) error {
	var res runResult
	if !m.cfg.RecordAfterRun {
		resp, err := m.record(ctx, v)
		if err != nil {
			return err
		}
		err = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if err != nil {
			return err
		}
	}
	if res.Dirty {
		return errDirty
	}
	run, err := m.run(ctx, v)
	if err != nil {
		return err
	}
	run.Body.Close()
	if m.cfg.RecordAfterRun {
		resp, err := m.record(ctx, v)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// ApplyTwice records the version, inspects the answer, and records it
// again when the service reports a dirty state: a re-send.
func (m *Migrator) ApplyTwice(ctx context.Context, v Version) error {
	resp, err := m.record(ctx, v)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var res runResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return err
	}
	if res.Dirty {
		resp, err = m.record(ctx, v) // want `Migrator.record \(POST /versions\) is sent again after inspecting the response field res.Dirty`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// openSession opens an upload session, mounting from another repository
// when from is set; when the mount is refused it falls back to a plain
// session — a different request.
func (m *Migrator) openSession(ctx context.Context, from string) (string, error) {
	url := m.cfg.BaseURL + "/sessions"
	if from != "" {
		url += "?mount=" + from
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := m.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusAccepted {
		return resp.Header.Get("Location"), nil
	}
	if from != "" {
		return m.openSession(ctx, "")
	}
	return "", fmt.Errorf("open session: %s", resp.Status)
}

// RecordAll records the first version, checks the service's answer, then
// records the others one per iteration: a loop over distinct items, which
// unsaferetry judges, not a re-send.
func (m *Migrator) RecordAll(ctx context.Context, vs []Version) error {
	resp, err := m.record(ctx, vs[0])
	if err != nil {
		return err
	}
	var res runResult
	err = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if err != nil || res.Dirty {
		return errDirty
	}
	for i := 1; i < len(vs); i++ {
		resp, err := m.record(ctx, vs[i])
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// RegionError says the request went to the wrong region.
type RegionError struct {
	Code   string
	Region string
}

func (e RegionError) Error() string { return e.Code }

type bucketOptions struct {
	Region string
}

func (m *Migrator) makeBucket(ctx context.Context, name string, opts bucketOptions) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.cfg.BaseURL+"/buckets?region="+opts.Region, nil)
	if err != nil {
		return err
	}
	resp, err := m.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return RegionError{Code: resp.Status, Region: resp.Header.Get("X-Region")}
	}
	return nil
}

// MakeBucket sends the request again to the region the server named: a
// different request.
func (m *Migrator) MakeBucket(ctx context.Context, name string, opts bucketOptions) error {
	err := m.makeBucket(ctx, name, opts)
	if re, ok := err.(RegionError); ok && re.Code == "AuthorizationHeaderMalformed" && re.Region != "" {
		opts.Region = re.Region
		err = m.makeBucket(ctx, name, opts)
	}
	return err
}

// RecordUntilClean leaves when the answer says the database is clean and
// records the version again otherwise: the branch that leaves is the good
// answer, so the second record is a re-send.
func (m *Migrator) RecordUntilClean(ctx context.Context, v Version) error {
	resp, err := m.record(ctx, v)
	if err != nil {
		return err
	}
	var res runResult
	err = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if !res.Dirty {
		return nil
	}
	resp, err = m.record(ctx, v) // want `Migrator.record \(POST /versions\) is sent again after inspecting the response field res.Dirty`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
