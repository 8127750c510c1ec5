package model_test

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// ignore swallows analysistest's complaints: these tests inspect the
// exported facts directly instead of through // want comments.
type ignore struct{}

func (ignore) Errorf(string, ...any) {}

// facts runs the model on pkg and returns its exported object facts by
// object name ("Do", "Retrier.Do" for methods).
func facts(t *testing.T, pkg string) (map[string]*model.RetryHelperFact, map[string]*mutation.FuncFact) {
	t.Helper()
	helpers := map[string]*model.RetryHelperFact{}
	funcs := map[string]*mutation.FuncFact{}
	results := analysistest.Run(ignore{}, testenv.Testdata(t), model.New(model.Settings{}), pkg)
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1", len(results))
	}
	res := results[0]
	if res.Err != nil {
		t.Fatalf("model failed: %v", res.Err)
	}
	if m := res.Result.(*model.Model); m.Failed != "" {
		t.Fatalf("model failed: %s", m.Failed)
	}
	for _, of := range res.Action.AllObjectFacts() {
		if of.Object.Pkg() != res.Action.Package.Types {
			continue
		}
		name := qualifiedName(of.Object)
		switch f := of.Fact.(type) {
		case *model.RetryHelperFact:
			helpers[name] = f
		case *mutation.FuncFact:
			funcs[name] = f
		}
	}
	return helpers, funcs
}

// qualifiedName is "Do" for a function, "Retrier.Do" for a method.
func qualifiedName(obj types.Object) string {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return obj.Name()
	}
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func TestRetryHelperFacts(t *testing.T) {
	helpers, _ := facts(t, "example.com/retryutil")
	tests := []struct {
		name      string
		param     int
		mechanism string
	}{
		{"Do", 2, "a retry loop"},
		{"WithBackoff", 0, "backoff.Retry"},
		{"Default", 1, "retryutil.Do (retries its func argument)"},
		{"Backoff", 1, "Backoff, which calls itself again with retries-1 after a failure"},
	}
	for _, tt := range tests {
		f := helpers[tt.name]
		if f == nil {
			t.Errorf("%s: no RetryHelperFact (facts: %v)", tt.name, helpers)
			continue
		}
		if f.FuncParam != tt.param || f.Mechanism != tt.mechanism {
			t.Errorf("%s: got %s, want param %d (%s)", tt.name, f, tt.param, tt.mechanism)
		}
	}
	if f := helpers["Twice"]; f != nil {
		t.Errorf("Twice calls its func twice on purpose, not a retry; got %s", f)
	}
	if f := helpers["Retrier.Do"]; f == nil || f.FuncParam != 0 {
		t.Errorf("Retrier.Do: want a fact for param 0, got %v", f)
	}
}

func TestFuncFacts(t *testing.T) {
	_, funcs := facts(t, "example.com/billing")
	if f := funcs["Client.Charge"]; f == nil || f.Op == nil || f.Op.Kind != mutation.KindHTTP {
		t.Errorf("Charge: want a FuncFact with an HTTP op, got %+v", f)
	}
	if f := funcs["Client.Capture"]; f == nil || !f.Idempotent {
		t.Errorf("Capture: want a FuncFact marked idempotent (//twice:idempotent), got %+v", f)
	}
}

// TestRequestConfigFacts: a generated client's request core keeps the
// request in a config built by a constructor from the method it is given,
// and a method of the config re-sends it; a function executing a config it
// built retries a request whose method is its own parameter.
func TestRequestConfigFacts(t *testing.T) {
	_, funcs := facts(t, "example.com/billingsdk/internal/requestconfig")
	build := funcs["NewRequestConfig"]
	if build == nil || !build.BuildsRequest || build.HTTPMethodParam != 1 || build.HTTPURLParam != 2 {
		t.Errorf("NewRequestConfig: got %+v, want a builder with method param 1 and URL param 2", build)
	}
	exec := funcs["RequestConfig.Execute"]
	if exec == nil || exec.Retries == nil || exec.Retries.RequestParam != mutation.ReceiverParam {
		t.Errorf("RequestConfig.Execute: got %+v, want it to retry the request its receiver holds", exec)
	}
	outer := funcs["ExecuteNewRequest"]
	if outer == nil || outer.Retries == nil || outer.Retries.MethodParam != 1 || outer.Retries.URLParam != 2 {
		t.Errorf("ExecuteNewRequest: got %+v, want it to retry a request with method param 1 and URL param 2", outer)
	}
}
