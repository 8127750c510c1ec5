package mutation

import "testing"

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
