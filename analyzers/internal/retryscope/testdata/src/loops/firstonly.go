package loops

import "context"

// Provisioner creates a record once, then uploads its content with
// retries.
type Provisioner struct{}

func (p *Provisioner) writeRecord(ctx context.Context) error  { return nil }
func (p *Provisioner) writeContent(ctx context.Context) error { return nil }

// FirstAttemptOnly creates the record on the first attempt only: a retry
// goes round the upload, the record is never created twice.
func (p *Provisioner) FirstAttemptOnly(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if attempt == 0 {
			if err := p.writeRecord(ctx); err != nil {
				return err
			}
		}
		if err = p.writeContent(ctx); err == nil { // want "retried by a retry loop"
			return nil
		}
	}
	return err
}

// FlagAfterSuccess creates the record until it was created once: the flag
// is set only after the create succeeded and a failed create leaves the
// loop, so the create never runs again once it took effect.
func (p *Provisioner) FlagAfterSuccess(ctx context.Context) error {
	created := false
	var err error
	for i := 0; i < 3; i++ {
		if !created {
			if err := p.writeRecord(ctx); err != nil {
				return err
			}
			created = true
		}
		if err = p.writeContent(ctx); err == nil { // want "retried by a retry loop"
			return nil
		}
	}
	return err
}

// FlagRetriedOnFailure goes round after a failed create too (its response
// may have been lost after it took effect): still a retried create.
func (p *Provisioner) FlagRetriedOnFailure(ctx context.Context) error {
	created := false
	var err error
	for i := 0; i < 3; i++ {
		if !created {
			if err = p.writeRecord(ctx); err != nil { // want "retried by a retry loop"
				continue
			}
			created = true
		}
		if err = p.writeContent(ctx); err == nil { // want "retried by a retry loop"
			return nil
		}
	}
	return err
}

// CounterReset runs the create whenever the counter is back to zero: not
// a first-attempt guard.
func (p *Provisioner) CounterReset(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if attempt == 0 {
			_ = p.writeRecord(ctx) // want "retried by a retry loop"
		}
		if err = p.writeContent(ctx); err == nil { // want "retried by a retry loop"
			return nil
		}
		if err == context.Canceled {
			attempt = -1
		}
	}
	return err
}
