package purposes

import (
	"fmt"
	"net/http"
)

// A bare-metal cloud's SDK names its services <Thing>ServiceOp and each
// Create after the receiver: what is created is read from the receiver's
// name, without the Service and Op suffixes.

type EmailRequest struct {
	Address string `json:"address"`
	Default *bool  `json:"default,omitempty"`
}

type EmailServiceOp struct{ client *Client }

// Create adds an e-mail address to the user's account: the address is the
// thing, and a second one with the same address is refused.
func (s *EmailServiceOp) Create(request *EmailRequest) error {
	r, err := s.client.NewRequest(http.MethodPost, "/emails", request)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the caller's e-mail Address
	return err
}

type VolumeAttachmentServiceOp struct{ client *Client }

// Create attaches a volume to a device: the attachment joins two things
// that exist, and attaching the pair again is refused (already attached).
func (s *VolumeAttachmentServiceOp) Create(volumeID, deviceID string) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/storage/%s/attachments", volumeID), map[string]string{"device_id": deviceID})
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: joins the volume and the device
	return err
}

type IssueAttachmentServiceOp struct{ client *Client }

// Create uploads a file to an issue: its content is new, so a repeat adds
// a second attachment.
func (s *IssueAttachmentServiceOp) Create(issueID string, content []byte) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/issues/%s/attachments", issueID), content)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

type DeviceServiceOp struct{ client *Client }

// Create provisions a device the server names: a repeat is a second,
// billed machine.
func (s *DeviceServiceOp) Create(projectID, plan string) error {
	r, err := s.client.NewRequest(http.MethodPost, fmt.Sprintf("/projects/%s/devices", projectID), map[string]string{"plan": plan})
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}
