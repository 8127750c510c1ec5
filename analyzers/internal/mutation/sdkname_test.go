package mutation

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestGenericSendQuiet(t *testing.T) {
	tests := []struct {
		name  string
		quiet bool
	}{
		{"Create", false},
		{"CreateKey", false},
		{"AddDocuments", false},
		{"Reboot", false},
		{"Snapshot", false},
		{"UpdateSettings", true},
		{"SetTags", true},
		{"FacetSearch", true},
		{"ListInstances", true},
		{"Compact", true},
		{"MassHalt", true},
		{"AttachVPC", true},
		{"RestoreFromBackup", true},
		{"Fork", false},
		{"DeleteDocuments", true},
		{"CancelTasks", true},
		{"RenderTemplate", true},
		{"ChatCompletionStream", true},
		{"SwapIndexes", false},
		{"ResendInvitation", false},
		{"StartAndCharge", false},
		{"UpdateOrCreate", false}, // a create word keeps the write
		{"SetAndIncrement", false},
		{"searchAndDelete", true}, // a removal: a second one finds nothing
		{"", false},
	}
	for _, tt := range tests {
		if got := GenericSendQuiet(tt.name); got != tt.quiet {
			t.Errorf("GenericSendQuiet(%q) = %v, want %v", tt.name, got, tt.quiet)
		}
	}
}

func TestSetName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"setPrimaryStatus", true},
		{"UpdateSettings", true},
		{"EnableFeature", true},
		{"set_role", true},
		{"UpdateOrCreate", false},
		{"setAndIncrement", false},
		{"UpdateAndNotify", false},
		{"SendUpdate", false},
		{"CreateSetting", false},
		{"Settings", false},
		{"Setup", false},
		{"resetAndCharge", false},
		{"Modify", false},
		{"toggleFlag", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := SetName(tt.name); got != tt.want {
			t.Errorf("SetName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPathAdds(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/v1/apps/{app}/machines/{id}/metadata/role", false},
		{"/v1/settings", false},
		{"/api/find-and-modify", true},
		{"/v1/counters/increment", true},
		{"/v1/events:append", true},
		{"/v1/users/{id}/notify?x=1", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := pathAdds(tt.path); got != tt.want {
			t.Errorf("pathAdds(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestFinishesMember(t *testing.T) {
	tests := []struct {
		decl string
		want bool
	}{
		{"func CompleteMultipartUpload(ctx context.Context, name, uploadID string, opt *Options)", true},
		{"func (s *S) FinishSession(sessionId string)", true},
		{"func ConfirmPayment(ctx context.Context, paymentID string)", true},
		{"func CompleteMultipartUpload(ctx context.Context, name string, opt *Options)", false}, // no id of the upload
		{"func CompleteOrder(ctx context.Context, customerID string)", false},                   // the id of another thing
		{"func CreateUpload(ctx context.Context, uploadID string)", false},                      // not a finishing verb
		{"func Complete(uploadID string)", false},                                               // no noun
	}
	for _, tt := range tests {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\n"+tt.decl+" {}\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		decl := f.Decls[0].(*ast.FuncDecl)
		if got := finishesMember(decl); got != tt.want {
			t.Errorf("finishesMember(%s) = %v, want %v", tt.decl, got, tt.want)
		}
	}
}
