// Package api wraps the list-service client: items are created by POST to
// a list's items collection, through sp.Client's Execute.
package api

import (
	"bytes"
	"net/http"

	"example.com/listsvc/sp"
)

// Lists reaches the lists of one site.
type Lists struct {
	client *sp.Client
	site   string
}

// AddItem creates a list item; Execute sends it again after a 500 or 504,
// which can follow a stored item.
func (l *Lists) AddItem(list string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, l.site+"/_api/lists/"+list+"/items", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := l.client.Execute(req) // want `POST /_api/lists/\{…\}/items .*Client.Execute, which calls itself again`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// RenameList updates a list in place with PATCH semantics (MERGE).
func (l *Lists) RenameList(list, title string) error {
	req, err := http.NewRequest(http.MethodPut, l.site+"/_api/lists/"+list, bytes.NewReader([]byte(title)))
	if err != nil {
		return err
	}
	resp, err := l.client.Execute(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// AddItemOnce goes through Refresh, which re-sends only after a 401.
func (l *Lists) AddItemOnce(list string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, l.site+"/_api/lists/"+list+"/items", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := l.client.Refresh(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// AddItemWalk goes through Walk, which sends each request once.
func (l *Lists) AddItemWalk(list string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, l.site+"/_api/lists/"+list+"/items", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return l.client.Walk(req)
}

// AddItemTokenRefresh goes through GraphClient.Request, which re-sends
// only after the service rejected the token.
func (l *Lists) AddItemTokenRefresh(g *sp.GraphClient, list string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, l.site+"/_api/lists/"+list+"/items", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := g.Request(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// AddItemOnError goes through CodeClient.Request, which re-sends after
// an internal error: the item may be stored already.
func (l *Lists) AddItemOnError(c *sp.CodeClient, list string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, l.site+"/_api/lists/"+list+"/items", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.Request(req) // want `POST /_api/lists/\{…\}/items .*CodeClient.Request, which calls itself again`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
