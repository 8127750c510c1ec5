// Package tfrepo is a provider built on the family's shared client.
package tfrepo

import (
	"example.com/tfshared/client"
	"example.com/tfshared/usage"
)

type Repository struct {
	Key  string `json:"key"`
	Kind string `json:"rclass"`
}

// Configure builds the shared client and reports usage once.
func Configure(url string) error {
	c, err := client.Build(url, "repo")
	if err != nil {
		return err
	}
	if err := usage.SendUsage(c.R(), "repo", "configure"); err != nil { // want `POST /api/system/usage .*usage.SendUsage.*SetRetryCount`
		return err
	}
	// A build created under a number the server assigns.
	_, err = c.R().SetBody(map[string]string{"name": "nightly"}).Post("api/builds") // want `POST api/builds .*SetRetryCount`
	return err
}

// ConfigurePlain sends through a client that does not retry.
func ConfigurePlain(url string) error {
	c := client.BuildPlain(url)
	_, err := c.R().SetBody(map[string]string{"name": "nightly"}).Post("api/builds")
	return err
}

// SaveRepository PUTs the repository under its key: a repeat stores the
// same thing.
func SaveRepository(url string, r Repository) error {
	c, err := client.Build(url, "repo")
	if err != nil {
		return err
	}
	_, err = c.R().SetBody(r).Put("api/repositories/" + r.Key)
	return err
}
