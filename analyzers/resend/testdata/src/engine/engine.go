// Package engine exercises resend's judgement of conditions and paths with
// a classifier that the test controls: every call of a function named
// post… is a non-idempotent POST to its constant path argument.
package engine

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
)

const authHeader = "X-POWERJOB-AUTH-PASSED"

type result struct {
	Code    int    `json:"code"`
	Success bool   `json:"success"`
	Message string `json:"message"`
}

func post(ctx context.Context, path string, body []byte, key ...string) (*http.Response, error) {
	return nil, nil
}

func postJSON(ctx context.Context, path string, in, out any) error { return nil }

func put(ctx context.Context, path string, body []byte) (*http.Response, error) { return nil, nil }

func refresh(ctx context.Context) error { return nil }

func authPassed(r *http.Response) bool {
	return strings.EqualFold(r.Header.Get(authHeader), "true")
}

func unauthorized(r *http.Response) bool {
	switch r.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden:
		return true
	}
	return false
}

func headerInBranch(ctx context.Context, b []byte) error {
	resp, err := post(ctx, "/openApi/saveJob", b)
	if err != nil {
		return err
	}
	if resp.Header.Get(authHeader) != "true" {
		_ = refresh(ctx)
		resp, err = post(ctx, "/openApi/saveJob", b) // want `POST /openApi/saveJob is sent again after inspecting the response header X-POWERJOB-AUTH-PASSED \(line 50\)`
	}
	return err
}

func headerThenExit(ctx context.Context, b []byte) error {
	resp, err := post(ctx, "/openApi/runJob", b)
	if err != nil {
		return err
	}
	passed := resp.Header.Get(authHeader) == "true"
	resp.Body.Close()
	if passed {
		return nil
	}
	_ = refresh(ctx)
	_, err = post(ctx, "/openApi/runJob", b) // want `after inspecting the response header X-POWERJOB-AUTH-PASSED`
	return err
}

func headerIndex(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/orders", b)
	if len(resp.Header["X-Auth-Passed"]) == 0 {
		post(ctx, "/v1/orders", b) // want `the response header X-Auth-Passed`
	}
}

func serverError(ctx context.Context, b []byte) {
	resp, err := post(ctx, "/v1/charges", b)
	if err == nil && resp.StatusCode >= 500 {
		post(ctx, "/v1/charges", b) // want `the response status \(5xx\)`
	}
}

func notSuccessThenExit(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.StatusCode/100 == 2 {
		return
	}
	post(ctx, "/v1/charges", b) // want `the response status \(not 2xx\)`
}

func badGateway(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.StatusCode == http.StatusBadGateway {
		post(ctx, "/v1/charges", b) // want `the response status \(502\)`
	}
}

func refusedOnly(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.StatusCode == http.StatusUnauthorized {
		_ = refresh(ctx)
		post(ctx, "/v1/charges", b)
	}
}

func refusedThenExit(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		return
	}
	_ = refresh(ctx)
	post(ctx, "/v1/charges", b)
}

func refusedAndHeader(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.StatusCode == http.StatusProxyAuthRequired && resp.Header.Get("Proxy-Authenticate") != "" {
		post(ctx, "/v1/charges", b)
	}
}

func refusedOrHeader(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.StatusCode == http.StatusUnauthorized || resp.Header.Get(authHeader) != "true" {
		post(ctx, "/v1/charges", b) // want `the response header X-POWERJOB-AUTH-PASSED`
	}
}

func statusSwitch(ctx context.Context, b []byte) error {
	resp, err := post(ctx, "/v1/payouts", b)
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusCreated:
		return nil
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests:
		_ = refresh(ctx)
		_, err = post(ctx, "/v1/payouts", b)
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		_, err = post(ctx, "/v1/payouts", b) // want `the response status \(5xx\)`
	default:
		return errors.New("unexpected status")
	}
	return err
}

func tagless(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/payouts", b)
	switch {
	case resp.StatusCode < 300:
		return
	case resp.StatusCode == 429:
		post(ctx, "/v1/payouts", b)
	case resp.StatusCode >= 500:
		post(ctx, "/v1/payouts", b) // want `the response status \(5xx\)`
	}
}

func bodyCode(ctx context.Context, b []byte) error {
	resp, err := post(ctx, "/api/job/add", b)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out result
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	if out.Code != 0 {
		_, err = post(ctx, "/api/job/add", b) // want `the response field out.Code`
	}
	return err
}

func bodyCodeRefusal(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/api/job/add", b)
	var out result
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if out.Code == 401 {
		post(ctx, "/api/job/add", b)
	}
}

func decodeFailure(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/api/job/add", b)
	var out result
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		post(ctx, "/api/job/add", b) // want `whether the response body could be decoded`
	}
}

func outParam(ctx context.Context, in any) error {
	var out result
	if err := postJSON(ctx, "/openApi/saveJob", in, &out); err != nil {
		return err
	}
	if !out.Success {
		return postJSON(ctx, "/openApi/saveJob", in, &out) // want `the response field out.Success`
	}
	return nil
}

func inlinedHelper(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b) // want `the response header X-POWERJOB-AUTH-PASSED`
	}
}

func refusalHelper(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if unauthorized(resp) {
		post(ctx, "/openApi/saveJob", b)
	}
}

func transportOnly(ctx context.Context, b []byte) {
	_, err := post(ctx, "/openApi/saveJob", b)
	if err != nil {
		_ = refresh(ctx)
		post(ctx, "/openApi/saveJob", b)
	}
}

func otherEndpoint(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if resp.Header.Get(authHeader) != "true" {
		post(ctx, "/openApi/runJob", b)
	}
}

func idempotentMethod(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if resp.Header.Get(authHeader) != "true" {
		put(ctx, "/openApi/saveJob", b)
	}
}

func loopRetry(ctx context.Context, b []byte) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := post(ctx, "/v1/charges", b)
		if err == nil && resp.StatusCode < 500 {
			return
		}
	}
}

func twoInOneIteration(ctx context.Context, jobs [][]byte) {
	for _, j := range jobs {
		resp, _ := post(ctx, "/openApi/saveJob", j)
		if !authPassed(resp) {
			post(ctx, "/openApi/saveJob", j) // want `sent again`
		}
	}
}

func afterSuccess(ctx context.Context, first, second []byte) error {
	resp, err := post(ctx, "/v1/events", first)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusAccepted {
		return errors.New(resp.Status)
	}
	_, err = post(ctx, "/v1/events", second)
	return err
}

func unconditional(ctx context.Context, first, second []byte) {
	resp, _ := post(ctx, "/v1/events", first)
	_ = resp.Header.Get("X-Request-Id")
	post(ctx, "/v1/events", second)
}

func keyBeforeBoth(ctx context.Context, b []byte) {
	idemKey := newKey()
	resp, _ := post(ctx, "/v1/charges", b, idemKey)
	if resp.StatusCode >= 500 {
		post(ctx, "/v1/charges", b, idemKey)
	}
}

func newKey() string { return "k" }

type client struct{}

func (c *client) request(ctx context.Context, path string, b []byte, reauthed bool) (*http.Response, error) {
	resp, err := post(ctx, path, b)
	if err != nil {
		return nil, err
	}
	if !reauthed && resp.Header.Get(authHeader) != "true" {
		_ = refresh(ctx)
		return c.request(ctx, path, b, true) // want `sent again by the recursive call of request after inspecting the response header`
	}
	return resp, nil
}

func (c *client) requestCounting(ctx context.Context, path string, b []byte, attempt int) (*http.Response, error) {
	resp, err := post(ctx, path, b)
	if err == nil && resp.StatusCode >= 500 && attempt < 3 {
		return c.requestCounting(ctx, path, b, attempt+1)
	}
	return resp, err
}

func nolintTrailing(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b) //nolint:resend // the server deduplicates by job name
	}
}

func nolintOwnLine(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		//nolint:twice // saveJob with an ID is an update
		post(ctx, "/openApi/saveJob", b)
	}
}

func nolintList(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b) //nolint:errcheck,resend
	}
}

func nolintOther(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b) //nolint:errcheck // want `sent again`
	}
}

// declaredSafe re-sends, but the server deduplicates saveJob by name.
//
//twice:idempotent
func declaredSafe(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b)
	}
}

func inClosure(ctx context.Context, b []byte) func() {
	return func() {
		resp, _ := post(ctx, "/openApi/saveJob", b)
		if !authPassed(resp) {
			post(ctx, "/openApi/saveJob", b) // want `sent again`
		}
	}
}

func afterBusinessSuccess(ctx context.Context, first, second []byte) error {
	resp, err := post(ctx, "/api/events", first)
	if err != nil {
		return err
	}
	var out result
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	if out.Code != 0 {
		return errors.New(out.Message)
	}
	_, err = post(ctx, "/api/events", second)
	return err
}

func afterSuccessFlag(ctx context.Context, first, second []byte) error {
	var out result
	if err := postJSON(ctx, "/api/events", first, &out); err != nil {
		return err
	}
	if !out.Success {
		return errors.New(out.Message)
	}
	return postJSON(ctx, "/api/events", second, &out)
}

func retryAfterHeader(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/charges", b)
	if resp.Header.Get("Retry-After") != "" {
		post(ctx, "/v1/charges", b)
	}
}

type apiError struct{ StatusCode int }

func (e *apiError) Error() string { return "api error" }

func typedError(ctx context.Context, in any) {
	var out result
	err := postJSON(ctx, "/v1/transfers", in, &out)
	var apiErr *apiError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadGateway {
		postJSON(ctx, "/v1/transfers", in, &out) // want `the response status \(502\)`
	}
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests {
		postJSON(ctx, "/v1/transfers", in, &out)
	}
}

func checkResponse(r *http.Response) error {
	if r.StatusCode >= 300 {
		return errors.New(r.Status)
	}
	return nil
}

func checkHelperThenFollowUp(ctx context.Context, first, second []byte) error {
	resp, err := post(ctx, "/v1/events", first)
	if err != nil {
		return err
	}
	if err := checkResponse(resp); err != nil {
		return err
	}
	_, err = post(ctx, "/v1/events", second)
	return err
}

func checkHelperResend(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/events", b)
	if err := checkResponse(resp); err != nil {
		post(ctx, "/v1/events", b) // want `after inspecting the response \(in checkResponse\)`
	}
}

func nilResponse(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/events", b)
	if resp == nil {
		post(ctx, "/v1/events", b)
	}
}

func authChallenge(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/v1/events", b)
	if resp.Header.Get("WWW-Authenticate") != "" {
		_ = refresh(ctx)
		post(ctx, "/v1/events", b)
	}
}

func readAllThenUnmarshal(ctx context.Context, b []byte) error {
	resp, err := post(ctx, "/api/job/add", b)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	var out result
	if err := json.Unmarshal(data, &out); err != nil {
		return err
	}
	if out.Code != 0 {
		_, err = post(ctx, "/api/job/add", b) // want `the response field out.Code`
	}
	return err
}

func nolintOnStatement(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	//nolint:resend // saveJob is deduplicated by name on this server
	if !authPassed(resp) {
		_ = refresh(ctx)
		post(ctx, "/openApi/saveJob", b)
	}
}

//nolint:twice // the gateway deduplicates by body hash
func nolintOnFunction(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b)
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b)
	}
}

func nolintTrailingOtherStatement(ctx context.Context, b []byte) {
	resp, _ := post(ctx, "/openApi/saveJob", b) //nolint:resend
	if !authPassed(resp) {
		post(ctx, "/openApi/saveJob", b) // want `sent again`
	}
}
