package purposes

import "net/http"

// A generated dashboard SDK names each operation after its method and
// path: POST …/liveTools/leds/blink becomes CreateDeviceLiveToolsLedsBlink.
// Its Create is the generator's word for POST, so only the path says what
// the call does: a POST to a collection (…/qosRules) makes a new rule; one
// ending in an action (blink, swap) or in a single noun (a cable test) may
// act on what exists, and is a check. The summary the generator copies
// from the API into the doc comment is the authors' own word: one that
// starts with an action (Rollback, Commits) makes a check even of a POST
// to a collection. A name with a word of its own keeps its weight:
// CreateCableTestJob says each call queues a new job.

type DevicesService struct{ client *Client }

func (s *DevicesService) CreateDeviceLiveToolsLedsBlink(serial string, req map[string]int) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/devices/"+serial+"/liveTools/leds/blink", req)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: blinks the LEDs again
	return err
}

func (s *DevicesService) CreateOrganizationCellularGatewayEsimsSwap(orgID string, req map[string]string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/organizations/"+orgID+"/cellularGateway/esims/swap", req)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: swaps to the same target
	return err
}

func (s *DevicesService) CreateDeviceLiveToolsCableTest(serial string, ports []string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/devices/"+serial+"/liveTools/cableTest", ports)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: one noun, no collection
	return err
}

// CreateNetworkSwitchQosRule Add a quality of service rule
func (s *DevicesService) CreateNetworkSwitchQosRule(networkID string, rule map[string]string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/networks/"+networkID+"/switch/qosRules", rule)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

func (s *DevicesService) CreateCableTestJob(serial string, ports []string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/devices/"+serial+"/liveTools/cableTest", ports)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

// CreateNetworkFirmwareUpgradesRollback Rollback a Firmware Upgrade For A Network
/* Rollback a Firmware Upgrade For A Network

@param networkID networkId path parameter. Network ID
*/
func (s *DevicesService) CreateNetworkFirmwareUpgradesRollback(networkID string, req map[string]string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/networks/"+networkID+"/firmwareUpgrades/rollbacks", req)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: the summary says rollback
	return err
}

// CreateOrganizationInventoryOnboardingCloudMonitoringImport Commits the import operation to complete the onboarding of a device
/* The generator leaves a blank line before func, so go/ast attaches no
doc comment; the summary is still this comment's. */

func (s *DevicesService) CreateOrganizationInventoryOnboardingCloudMonitoringImport(orgID string, devices []string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/organizations/"+orgID+"/inventory/onboarding/cloudMonitoring/imports", devices)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: the summary says commits
	return err
}

// CreateOrganizationInventoryOnboardingCloudMonitoringExportEvent Imports event logs related to the onboarding app into elastisearch
func (s *DevicesService) CreateOrganizationInventoryOnboardingCloudMonitoringExportEvent(orgID string, event map[string]string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/organizations/"+orgID+"/inventory/onboarding/cloudMonitoring/exportEvents", event)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

// CreateNetworkSmBypassActivationLockAttempt Bypass activation lock attempt
func (s *DevicesService) CreateNetworkSmBypassActivationLockAttempt(networkID string, ids []string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/api/v1/networks/"+networkID+"/sm/bypassActivationLockAttempts", ids)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: a create (or a send only its path names); whether a repeat makes a second is the API's rule
	return err
}

// Another generator names each service's create New and copies the API
// summary above it: "Verify …" acts on an account that exists (a check),
// "Initiates a payment …" makes a new one.

type VerificationService struct{ client *Client }

// Verify the linked bank account by providing the two small deposit amounts.
func (s *VerificationService) New(accountToken string, amounts []int) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/bank_accounts/"+accountToken+"/deposit_checks", amounts)
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: the summary says verify
	return err
}

type PaymentService struct{ client *Client }

// Initiates a payment between a financial account and a bank account.
func (s *PaymentService) New(amount int) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/payments", map[string]int{"amount": amount})
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // want `POST /v1/payments is retried by Client.Do`
	return err
}
