package api

import (
	"fmt"

	"github.com/go-resty/resty/v2"
)

// CreateFolderRequest names the folder: the API refuses a second folder of
// that name in the same path.
type CreateFolderRequest struct {
	ProjectID string
	Name      string
	Path      string
}

func CallCreateFolder(httpClient *resty.Client, request CreateFolderRequest) error {
	req := httpClient.R().SetBody(request)
	_, err := req.Post("/v1/folders")
	return err
}

// CreateSecretRequest is filed under the key in the path.
type CreateSecretRequest struct {
	SecretKey   string
	Environment string
	Value       string
}

func CallCreateSecret(httpClient *resty.Client, request CreateSecretRequest) error {
	_, err := httpClient.R().SetBody(request).Post(fmt.Sprintf("/v3/secrets/raw/%s", request.SecretKey))
	return err
}

// BatchCreateSecretsRequest carries named secrets.
type BatchCreateSecretsRequest struct {
	Environment string
	Secrets     []BatchSecret
}

type BatchSecret struct {
	SecretKey   string
	SecretValue string
}

func CallBatchCreateSecrets(httpClient *resty.Client, request BatchCreateSecretsRequest) error {
	_, err := httpClient.R().SetBody(request).Post("/v3/secrets/batch/raw")
	return err
}

// AddHostRequest's Hostname is not a name the API keys hosts by, and the
// project's name is the parent's: each repeat adds a host.
type AddHostRequest struct {
	ProjectName string
	Hostname    string
}

func CallAddHost(httpClient *resty.Client, request AddHostRequest) error {
	_, err := httpClient.R().SetBody(request).Post("/v1/ssh/hosts")
	return err
}

// A log-in issues another token; renewing the caller's token or a lease
// again extends the same one.
func CallLogin(httpClient *resty.Client, clientID, secret string) error {
	_, err := httpClient.R().SetBody(map[string]string{"clientId": clientID, "clientSecret": secret}).Post("/v1/auth/universal-auth/login")
	return err
}

func CallRenewToken(httpClient *resty.Client) error {
	_, err := httpClient.R().Post("/v1/auth/token/renew")
	return err
}

func CallRenewLeaseTTL(httpClient *resty.Client, leaseID string) error {
	_, err := httpClient.R().Post(fmt.Sprintf("/v1/dynamic-secrets/leases/%s/renew", leaseID))
	return err
}

// CallProduce posts records to a topic by its name (a Kafka REST proxy):
// each repeat appends them again.
func CallProduce(httpClient *resty.Client, topicName string, records []byte) error {
	_, err := httpClient.R().SetBody(records).Post(fmt.Sprintf("/topics/%s", topicName))
	return err
}
