package mutation

import (
	"go/types"
	"strings"
	"testing"
)

// TestPathPurpose reads request paths the way JudgePurpose falls back to
// them when no name says what a request does.
func TestPathPurpose(t *testing.T) {
	tests := []struct {
		path string
		want Purpose
	}{
		{"/v1/events", PurposeSend},
		{"/api/logs/push", PurposeSend},
		{"/v2/datasets/{…}/ingest", PurposeSend},
		{"…/v1/batch", PurposeSend},
		{"/v1/orders", PurposeCreate},
		{"/blobs/uploads/", PurposeCreate},
		{"/clicks/_doc", PurposeCreate},
		{"/v1/orders/{…}", PurposeUnknown},            // an existing order
		{"/pull-requests/{…}/merge", PurposeUnknown},  // an action
		{"/v1/tokens/{…}/regenerate", PurposeUnknown}, // an action
		{"/projects/{…}/operations/{…}/wait", PurposeUnknown},
		{"/oauth/token", PurposeUnknown},
		{"/v1/search?q={…}", PurposeUnknown},
		{"request", PurposeUnknown},               // the path is not known
		{"/api/v1/jobs/progress", PurposeUnknown}, // not plurals
		{"/v1/analysis", PurposeUnknown},
		{"/v1/status", PurposeUnknown},
		{"/restapis", PurposeCreate},            // a plural after all
		{"/api/plugins/reload", PurposeUnknown}, // an action
		{"/fga/v1/warrants", PurposeUnknown},    // a set of relationship tuples
		{"/groups/{…}/members", PurposeUnknown},
		{"/networks/{…}/sm/bypassActivationLockAttempts", PurposeCreate}, // a collection named by a compound noun
		{"/v1/cache-refresh-jobs", PurposeCreate},
		{"/v1/repos/{…}/force-merge", PurposeUnknown}, // an action at the end
		{"", PurposeUnknown},
	}
	for _, tt := range tests {
		if got := pathPurpose(tt.path); got != tt.want {
			t.Errorf("pathPurpose(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

// TestGenericName: names that say nothing about the request they send
// leave the judgement to the function around them, or the path.
func TestGenericName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"do", true},
		{"Do", true},
		{"sendRequest", true},
		{"postJSON", true},
		{"doWithRetry", true},
		{"Run", true}, // a loop or a lifecycle
		{"Start", true},
		{"Remind", true}, // an unknown verb
		{"TestOrdersEndpoint", true},
		{"sendFleetCommand", true}, // a command its caller's path names
		{"SendFleetAPICommand", true},
		{"SendCommandResult", false},
		{"postReceipt", false},
		{"CreateRelease", false},
		{"RunJob", false},
		{"DatasetsCreate", false}, // noun first
		{"Merge", false},          // an action says something
		{"CallCreateLease", false},
		{"doPostAPI", true}, // a generic POST helper
		{"doPost", true},
		{"postCtx", true},      // a generic poster's variant taking a context
		{"ShutdownCtx", false}, // an action, in its context variant
		{"SendPost", true},     // send + an HTTP method: whatever it is given
		{"sendGet", true},
		{"SendPostLeaveBodyOpen", true},
		{"postRelease", false},
		{"newHTTPRequest", true}, // a request builder, whatever it builds
		{"buildRequest", true},
		{"NewRequest", true},
		{"New", false},
		{"newOrder", false},
		{"CreateMergeRequest", false},
	}
	for _, tt := range tests {
		if got := genericName(tt.name); got != tt.want {
			t.Errorf("genericName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSingular: receiver types name the created thing in the plural.
func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"branches": "branch", "datasets": "dataset", "policies": "policy", "boxes": "box",
		"address": "address", "status": "status", "key": "key",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestJudgementCertain: sends proven by the write, its sender or its
// name, and creates a primitive proves, are certain; creates read from a
// method, path or name, sends only a path names and the others come with
// what to check.
func TestJudgementCertain(t *testing.T) {
	tests := []struct {
		name     string
		j        Judgement
		certain  bool
		checkHas string
	}{
		{"send by the primitive", Judgement{Purpose: PurposeSend, Basis: BasisPrimitive}, true, ""},
		{"send by a sender", Judgement{Purpose: PurposeSend, Basis: BasisSender}, true, ""},
		{"send by the operation's name", Judgement{Purpose: PurposeSend, Basis: BasisName}, true, ""},
		{"send only the path names", Judgement{Purpose: PurposeSend, Basis: BasisPath}, false, "only its path says it adds to a stream"},
		{"create by the primitive (an INSERT)", Judgement{Purpose: PurposeCreate, Basis: BasisPrimitive}, true, ""},
		{"create by the operation's name", Judgement{Purpose: PurposeCreate, Basis: BasisName}, false, "its name says it creates something, but whether a repeat makes a second one is the API's rule"},
		{"create by the path", Judgement{Purpose: PurposeCreate, Basis: BasisPath}, false, "its path says it creates something"},
		{"named create", Judgement{Purpose: PurposeNamedCreate, Named: "Email"}, false, "under the Email its caller chose"},
		{"update", Judgement{Update: "PATCH"}, false, "a PATCH update usually leaves"},
		{"unknown", Judgement{}, false, "names and path do not say"},
	}
	for _, tt := range tests {
		if got := tt.j.Certain(); got != tt.certain {
			t.Errorf("%s: Certain() = %v, want %v", tt.name, got, tt.certain)
		}
		check := tt.j.Check()
		if tt.checkHas == "" && check != "" || !strings.Contains(check, tt.checkHas) {
			t.Errorf("%s: Check() = %q, want it to contain %q", tt.name, check, tt.checkHas)
		}
	}
}

// TestAddressedPath: a create whose path ends in a segment its caller
// fills in names the new thing; one to a collection does not.
func TestAddressedPath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/repos/{…}/{…}/contents/{…}", "…/contents/{…}"},
		{"/buckets/{…}/objects/{…}?uploads", "…/objects/{…}"},
		{"/repos/{…}/issues/{…}/comments", ""}, // a collection
		{"/v1/{…}", ""}, // the endpoint is not known
		{"/api/{…}", ""},
		{"/jobs/{…}/cancel/{…}", ""}, // an action
		{"{…}/{…}", ""},
		{"/{…}", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := addressedPath(tt.path); got != tt.want {
			t.Errorf("addressedPath(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// TestRefPair: a pull request's source and target refs key it.
func TestRefPair(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"Title", "Head", "Base", "Body"}, "Head and Base"},
		{[]string{"source_branch", "target_branch"}, "source_branch and target_branch"},
		{[]string{"FromRef", "ToRef", "Title"}, "FromRef and ToRef"},
		{[]string{"Head", "Title"}, ""}, // one half
		{[]string{"Source", "Target"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := refPair(tt.names); got != tt.want {
			t.Errorf("refPair(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

// TestNameRestatesPath: a name made of the POST verb and the path's words
// is a generator's, and says no more than the path; one with a word of its
// own, or drawn from one segment only, is the author's.
func TestNameRestatesPath(t *testing.T) {
	tests := []struct {
		name, path string
		want       bool
	}{
		{"CreateDeviceLiveToolsLedsBlink", "/api/v1/devices/{…}/liveTools/leds/blink", true},
		{"CreateOrganizationInventoryOnboardingCloudMonitoringPrepare", "/api/v1/organizations/{…}/inventory/onboarding/cloudMonitoring/prepare", true},
		{"PostDevicesSerialLiveToolsLedsBlink", "/devices/{serial}/liveTools/leds/blink", false}, // "serial" is a parameter's name, not in the literal path
		{"PostDevicesLiveToolsLedsBlink", "/devices/{serial}/liveTools/leds/blink", true},
		{"CreateNetworkSwitchQosRule", "/api/v1/networks/{…}/switch/qosRules", true},
		{"CreateUser", "/api/users", false},                                       // one segment: the author's name and the path agree anyway
		{"CreateOrderPayment", "/orders/{…}/charge", false},                       // "payment" is the author's word
		{"CreateDeviceLiveToolsLeds", "/devices/{…}/liveTools/leds/blink", false}, // stops before the path's end
		{"BlinkDeviceLeds", "/devices/{…}/liveTools/leds/blink", false},           // the API's own verb
		{"CreateDeviceLedsBlink", "request", false},                               // no path
	}
	for _, tt := range tests {
		if got := nameRestatesPath(tt.name, tt.path); got != tt.want {
			t.Errorf("nameRestatesPath(%q, %q) = %v, want %v", tt.name, tt.path, got, tt.want)
		}
	}
}

// TestMovesMoney: a create of a charge, payment, payout, transfer or
// refund, shown by its name, its receiver or its path's collection, moves
// money; other creates and other uses of the words do not.
func TestMovesMoney(t *testing.T) {
	pkg := types.NewPackage("example.com/psp", "psp")
	method := func(recv, name string) *types.Func {
		tn := types.NewTypeName(0, pkg, recv, nil)
		named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
		sig := types.NewSignatureType(types.NewVar(0, pkg, "c", types.NewPointer(named)), nil, nil, nil, nil, false)
		return types.NewFunc(0, pkg, name, sig)
	}
	tests := []struct {
		name string
		fn   *types.Func
		path string
		want bool
	}{
		{"bare money verb", method("Client", "Charge"), "", true},
		{"create verb and money noun", method("Client", "CreatePayment"), "", true},
		{"plural noun", method("Client", "CreateRefunds"), "", true},
		{"noun before how it is made", method("Client", "CreatePaymentWithOptions"), "", true},
		{"bare create on a money service", method("PaymentService", "New"), "", true},
		{"bare create on a money collection type", method("Charges", "Create"), "", true},
		{"money collection in the path", method("Client", "New"), "/v1/book_transfers", true},
		{"refunds of a charge", nil, "/v1/charges/{…}/refunds", true},
		{"another create", method("Client", "CreateCustomer"), "/v1/customers", false},
		{"transfer of ownership", method("Client", "TransferOwnership"), "/v1/accounts/{…}/owner", false},
		{"bare create on another service", method("CustomerService", "New"), "", false},
		{"money noun not last in the path", nil, "/v1/payments/{…}/notes", false},
		{"no path, no name", nil, "", false},
	}
	for _, tt := range tests {
		if got := movesMoney(tt.fn, tt.path); got != tt.want {
			t.Errorf("%s: movesMoney = %v, want %v", tt.name, got, tt.want)
		}
	}
}
