package mutation

// Writes sent through a retrying client set up elsewhere. An SDK method
// such as
//
//	func (s *InstancesService) Create(ctx context.Context, …) (*Instance, error) {
//		req, _ := s.client.NewRequest(ctx, http.MethodPost, "/v2/instances", …)
//		_, err := s.client.Do(ctx, req, in) // Do sends through go-retryablehttp
//
// is reported in the SDK's own package, but a user of the SDK never sees
// the SDK's findings: the dependency is analyzed for facts only. The fact
// records the write and the client that repeats it (FuncFact.Sends), and
// the user's call of Create, in another package, is reported.

// ClientSend: the function sends a write, fixed by its own code, through a
// client that sends it again by itself after a failure.
type ClientSend struct {
	// Desc names the write ("POST /v2/instances"), Effect what a repeat
	// does, Kind its primitive kind (for the advice).
	Desc   string
	Effect string
	Kind   Kind
	// Mechanism is how it is sent ("Client.Do, which sends the request
	// through go-retryablehttp's Client (retries failed requests)"), Posn
	// where (file:line:col of the sending call).
	Mechanism string
	Posn      string
}

// WithSends returns f (a new fact when f is nil) recording s.
func (f *FuncFact) WithSends(s *ClientSend) *FuncFact {
	if f == nil {
		f = emptyFact()
	}
	f.Sends = s
	return f
}
