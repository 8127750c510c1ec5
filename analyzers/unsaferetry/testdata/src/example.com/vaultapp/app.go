// Package vaultapp uses the vault SDK, whose resty client retries the
// lease creation: reported at the user's call.
package vaultapp

import "example.com/vaultsdk"

func IssueCredentials(c *vaultsdk.Client) error {
	_, err := c.CreateLease("db/creds/app") // want `Client.CreateLease sends POST /v1/dynamic-secrets/leases through api.CallCreateLease, which sends it through the client passed to it`
	return err
}

func ReadCredentials(c *vaultsdk.Client) error {
	_, err := c.GetLease("l-1")
	return err
}
