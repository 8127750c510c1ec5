// Package doerapp uses the retrying client library doerclient from another
// package: its Post re-sends through the library's retry loop, which the
// library's own findings (not shown to users) report; the user's call is
// reported here, its reads and keyed posts are not.
package doerapp

import (
	"bytes"
	"net/http"

	"doerclient"
)

type Notifier struct {
	client *doerclient.Client
	hook   string
}

func (n *Notifier) Notify(msg []byte) error {
	resp, err := n.client.Post(n.hook, bytes.NewReader(msg), http.Header{"Content-Type": {"application/json"}}) // want `Client.Post sends POST request through Client.Do \(a retry loop\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (n *Notifier) Status() error {
	resp, err := n.client.Get(n.hook+"/status", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (n *Notifier) NotifyOnce(msg []byte, id string) error {
	resp, err := n.client.PostWithKey(n.hook, bytes.NewReader(msg), id)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
