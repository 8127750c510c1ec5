package resend

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/twice-lint/twice/analyzers/internal/model"
	"github.com/twice-lint/twice/analyzers/internal/mutation"
	"github.com/twice-lint/twice/analyzers/internal/testenv"
)

// fakeClassifier says that every call of a function named post… is a POST
// to its first constant string argument, and that an argument variable
// whose name ends in "Key" is an idempotency key. It lets the engine tests
// pin down resend's own judgement (conditions, paths, suppressions)
// independently of the mutation classifier.
type fakeClassifier struct{ info *types.Info }

func (f fakeClassifier) Call(call *ast.CallExpr) (mutation.Op, bool) {
	if !strings.HasPrefix(calleeName(call), "post") {
		return mutation.Op{}, false
	}
	target := calleeName(call)
	for _, arg := range call.Args {
		if tv, ok := f.info.Types[arg]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			target = constant.StringVal(tv.Value)
			break
		}
	}
	return mutation.Op{
		Kind:     mutation.KindHTTP,
		Desc:     "POST " + target,
		Effect:   "the request can be applied twice",
		Pos:      call.Pos(),
		Identity: "http POST " + target,
	}, true
}

func (f fakeClassifier) Evidence(call *ast.CallExpr, _ ast.Node) mutation.Evidence {
	var ev mutation.Evidence
	for _, arg := range call.Args {
		id, ok := arg.(*ast.Ident)
		if !ok || !strings.HasSuffix(id.Name, "Key") {
			continue
		}
		if obj := f.info.Uses[id]; obj != nil {
			ev.Keys = append(ev.Keys, mutation.Key{Name: "Idempotency-Key", At: arg, Value: arg, Origin: obj.Pos()})
		}
	}
	return ev
}

// JudgeCall: every fake write is a send, so the engine's pairing alone
// decides what is reported.
func (f fakeClassifier) JudgeCall(mutation.Op, *ast.CallExpr, *types.Func) mutation.Judgement {
	return mutation.Judgement{Purpose: mutation.PurposeSend}
}

func TestEngine(t *testing.T) {
	a := newAnalyzer(model.New(model.Settings{}), func(pass *analysis.Pass) sendClassifier {
		return fakeClassifier{info: pass.TypesInfo}
	})
	results := analysistest.Run(t, testenv.Testdata(t), a, "engine")
	// Every diagnostic points back at the first send and the inspection.
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Related) != 2 || !strings.HasPrefix(d.Related[0].Message, "first send of POST") ||
				!strings.HasPrefix(d.Related[1].Message, "response inspected here") {
				t.Errorf("%v: related information = %+v", r.Pass.Fset.Position(d.Pos), d.Related)
			}
			if d.Related[0].Pos >= d.Pos {
				t.Errorf("%v: first send %v is not before the re-send", r.Pass.Fset.Position(d.Pos), r.Pass.Fset.Position(d.Related[0].Pos))
			}
		}
	}
}
