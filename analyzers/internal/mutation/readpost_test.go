package mutation

import "testing"

func TestReadName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"GetOrder", true},
		{"ListOrders", true},
		{"list_orders", true},
		{"find-users", true},
		{"describeInstances", true},
		{"batchGetDocuments", true},
		{"FetchNonce", true},
		{"postAsGet", true},
		{"PostAsGet", true},
		{"DiscoverInstances", true},
		{"discover", true},
		{"DiscoverAndRegister", false},
		{"expand", true},
		{"signBlob", true},
		{"SignJwt", true},
		{"signUp", false},
		{"accounts:signUp", false},
		{"ExpandExecute", true},
		{"ListPetsWithResponse", true},
		{"CreateStoreExecute", false},
		{"Execute", false},
		{"EvaluateFlag", true},
		{"embeddings", true},
		{"VerifyAndCapture", false},
		{"verifications", false},
		{"GetOrCreateCart", false},
		{"find-and-modify", false},
		{"CreateOrder", false},
		{"getAndSetFlag", false},
		{"findings", false},
		{"Orders", false},
		{"StatusUpdate", false},
		{"CheckIn", false},
		{"ResolveIncident", false},
		{"doFilterLocallyGenerated", true},
		{"filter", true},
		{"filters", false},
		{"tryGetLease", true},
		{"doCreateOrder", false},
		{"HasUniqueRoleAssignments", true},
		{"IsMember", true},
		{"IsolateHost", false},
		{"HashPassword", false},
		{"IsSetAndLock", false},
		{"PinLsCid", true},
		{"KeyList", true},
		{"OrderList", false}, // order is also a verb (order a part)
		{"ls", true},
		{"PinAddCid", false},
		{"PostList", false},
		{"CreateGet", false},
		{"UserGetOrCreate", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ReadName(tt.name); got != tt.want {
			t.Errorf("ReadName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGraphQLDocument(t *testing.T) {
	tests := []struct {
		text        string
		isDoc, read bool
	}{
		{"query Viewer { viewer { login } }", true, true},
		{"\n  query($id: ID!) { node(id: $id) { id } }", true, true},
		{"{ viewer { login } }", true, true},
		{"mutation AddStar($id: ID!) { addStar(input: {starrableId: $id}) { clientMutationId } }", true, false},
		{"subscription { orders { id } }", true, false},
		{`{"query": "x"}`, false, false},
		{"queryString", false, false},
		{"SELECT 1", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		isDoc, read := graphQLDocument(tt.text)
		if isDoc != tt.isDoc || read != tt.read {
			t.Errorf("graphQLDocument(%q) = %v, %v, want %v, %v", tt.text, isDoc, read, tt.isDoc, tt.read)
		}
	}
}

// TestReadOnlyPOSTSegments: a read operation's segment is a read, a
// resource named with "read" as an adjective is not.
func TestReadOnlyPOSTSegments(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/v2/databases/{…}/read-replica", false},
		{"/v1/messages/read_receipts", false},
		{"/twirp/files.Files/ReadFile", true},
		{"/v1/files/read", true},
		{"/indexes/{…}/search", true},
		{"/v2/instances", false},
		// Log-ins issue a token; actions on the caller's token renew or
		// revoke the same one; encryption answers with the result.
		{"/v1/auth/universal-auth/login", true},
		{"/api/v1/users/sign-in", true},
		{"/v1/auth/token/renew", true},
		{"/oauth2/token/revoke", true},
		{"/v1/api-keys/revoke", false},
		{"/v1/kms/keys/{…}/encrypt", true},
		{"/v1/ssh/certificates/issue", false},
		{"/v1/dynamic-secrets/leases", false},
		{"/ping", true},
		{"/v1/healthz", true},
	}
	for _, tt := range tests {
		if got := ReadOnlyPOST(tt.path); got != tt.want {
			t.Errorf("ReadOnlyPOST(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestNamesAddingOperation(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"SendUsage", true},
		{"CreateLease", true},
		{"CallCreateLease", true},
		{"postEvent", true},
		{"PublishEvent", true},
		{"post", false},
		{"sendRequest", false},
		{"signedPost", false},
		{"postAsGet", false},
		{"doPostJSON", false},
		{"GetOrder", false},
		{"UpdateSettings", false},
		{"SendProfileUpdate", false},
		{"CreateOrReplaceLease", false},
	}
	for _, tt := range tests {
		if got := namesAddingOperation(tt.name); got != tt.want {
			t.Errorf("namesAddingOperation(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
