package purposes

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// A torrent client's Web API names each operation in camel case after
// its module (/torrents/banPeers, /torrents/createTags), and every method
// comes in a variant taking a context (ShutdownCtx) that posts a form
// through postCtx. The operation, not the plural at the end of its name or
// the Ctx suffix, says what each does: shutting down, banning peers,
// creating tags or marking an item read leave the same state when
// repeated (checks); adding a torrent adds one each time (reported).

type TorrentClient struct{ client *Client }

func (c *TorrentClient) postCtx(ctx context.Context, endpoint string, opts map[string]string) (*http.Response, error) {
	form := url.Values{}
	for k, v := range opts {
		form.Add(k, v)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "/api/v2/"+endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	return c.client.Do(req)
}

func (c *TorrentClient) ShutdownCtx(ctx context.Context) error {
	_, err := c.postCtx(ctx, "app/shutdown", nil) // check: shuts the app down
	return err
}

func (c *TorrentClient) BanPeersCtx(ctx context.Context, peers []string) error {
	_, err := c.postCtx(ctx, "transfer/banPeers", map[string]string{"peers": strings.Join(peers, "|")}) // check: bans peers
	return err
}

func (c *TorrentClient) CreateTagsCtx(ctx context.Context, tags []string) error {
	_, err := c.postCtx(ctx, "torrents/createTags", map[string]string{"tags": strings.Join(tags, ",")}) // check: tags are a set
	return err
}

func (c *TorrentClient) MarkItemAsReadCtx(ctx context.Context, item string) error {
	_, err := c.postCtx(ctx, "rss/markAsRead", map[string]string{"itemPath": item}) // check: marks an item read
	return err
}

func (c *TorrentClient) AddTorrentFromURLCtx(ctx context.Context, link string) error {
	_, err := c.postCtx(ctx, "torrents/addTorrents", map[string]string{"urls": link}) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}
