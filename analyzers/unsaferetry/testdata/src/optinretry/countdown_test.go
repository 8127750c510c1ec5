package optinretry

import "testing"

// A test that turns retries on says nothing about what the package ships.
func TestCreateOrderRetries(t *testing.T) {
	c := &StoreClient{retries: 3}
	if _, err := c.CreateOrder(nil); err == nil {
		t.Log("sent")
	}
}
