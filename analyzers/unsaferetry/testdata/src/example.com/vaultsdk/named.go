package vaultsdk

import "example.com/vaultsdk/api"

// Creates the API keys by a name, log-ins and renewals: silent although
// the client retries them.
func (c *Client) CreateFolder(name string) error {
	return api.CallCreateFolder(c.httpClient, api.CreateFolderRequest{Name: name})
}

func (c *Client) CreateSecret(key, value string) error {
	return api.CallCreateSecret(c.httpClient, api.CreateSecretRequest{SecretKey: key, Value: value})
}

func (c *Client) CreateSecrets(secrets []api.BatchSecret) error {
	return api.CallBatchCreateSecrets(c.httpClient, api.BatchCreateSecretsRequest{Secrets: secrets})
}

func (c *Client) Login(id, secret string) error {
	return api.CallLogin(c.httpClient, id, secret)
}

func (c *Client) RenewToken() error {
	return api.CallRenewToken(c.httpClient)
}

func (c *Client) RenewLeaseTTL(id string) error {
	return api.CallRenewLeaseTTL(c.httpClient, id)
}

// AddHost adds a host on every attempt.
func (c *Client) AddHost(hostname string) error {
	return api.CallAddHost(c.httpClient, api.AddHostRequest{Hostname: hostname}) // want `POST /v1/ssh/hosts sent through api.CallAddHost, which sends it through the client passed to it`
}

// Produce posts to a topic named in the path: an append, not a create.
func (c *Client) Produce(topic string, records []byte) error {
	return api.CallProduce(c.httpClient, topic, records) // want `POST /topics/{…} sent through api.CallProduce`
}
