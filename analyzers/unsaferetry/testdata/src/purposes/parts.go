package purposes

import (
	"net/http"
	"strconv"
)

// A drive client uploads a file in blocks: it opens an upload, sends each
// block under the upload's id and the block's index, then assembles the
// file. Client.Do re-sends each request after a 5xx. A block sent again
// is filed under the same index and rewrites the first (a check, not a
// finding); opening the upload again opens a second one, and the file
// assembled again is a second file.

type Drive struct{ client *Client }

func (d *Drive) startUpload() error {
	r, err := d.client.NewRequest(http.MethodPost, "/v1/uploads", nil)
	if err != nil {
		return err
	}
	_, err = d.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

func (d *Drive) uploadBlock(uploadID string, index int, data []byte) error {
	r, err := d.client.NewRequest(http.MethodPost, "/v1/uploads/"+uploadID+"/blocks?index="+strconv.Itoa(index), data)
	if err != nil {
		return err
	}
	_, err = d.client.Do(r) // check: one block, filed under its index
	return err
}

func (d *Drive) doUploadChunk(uploadID string, data []byte) error {
	r, err := d.client.NewRequest(http.MethodPost, "/v1/uploads/"+uploadID+"/chunks", data)
	if err != nil {
		return err
	}
	_, err = d.client.Do(r) // check: one chunk
	return err
}

func (d *Drive) assembleFile(uploadID string, blocks []string) error {
	r, err := d.client.NewRequest(http.MethodPost, "/v1/files", map[string]any{"upload_id": uploadID, "blocks": blocks})
	if err != nil {
		return err
	}
	_, err = d.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}
