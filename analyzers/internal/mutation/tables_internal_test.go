package mutation

import (
	"go/ast"
	"go/token"
	"go/types"
	"testing"
)

// TestPublishCall: a broker client's publishing methods are publishes, its
// other methods are known not to be, exported or not (the library's own
// plumbing stays unjudged: see publishCall).
func TestPublishCall(t *testing.T) {
	pkg := types.NewPackage("github.com/segmentio/kafka-go", "kafka")
	method := func(recv, name string) *types.Func {
		tn := types.NewTypeName(token.NoPos, pkg, recv, nil)
		named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
		r := types.NewParam(token.NoPos, pkg, "w", types.NewPointer(named))
		return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(r, nil, nil, nil, nil, false))
	}
	tests := []struct {
		recv, name  string
		handled     bool
		wantPublish bool
	}{
		{"Writer", "WriteMessages", true, true},
		{"Client", "Produce", true, true},
		{"Conn", "WriteMessages", true, true},
		{"Conn", "WriteCompressedMessagesAt", true, true},
		{"Writer", "Close", true, false},
		{"Conn", "ReadMessage", true, false},
		{"Writer", "produce", true, false},
		{"Client", "roundTrip", true, false},
		{"Reader", "ReadMessage", false, false},
	}
	for _, tt := range tests {
		call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("w"), Sel: ast.NewIdent(tt.name)}}
		op, handled := publishCall(call, method(tt.recv, tt.name))
		if handled != tt.handled || (op.Kind == KindPublish) != tt.wantPublish {
			t.Errorf("%s.%s: handled %v, kind %v; want handled %v, publish %v", tt.recv, tt.name, handled, op.Kind, tt.handled, tt.wantPublish)
		}
	}
}
