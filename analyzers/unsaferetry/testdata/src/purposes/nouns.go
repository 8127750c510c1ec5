package purposes

import "net/http"

type BucketsService struct{ client *Client }

// CreateBucketWithVersioning files a bucket under the caller's name: the
// words after With say how it is made, not what, so the bucketName
// parameter names the new thing and a repeat is refused.
func (s *BucketsService) CreateBucketWithVersioning(bucketName string) error {
	r, err := s.client.NewRequest(http.MethodPost, "/v1/b", map[string]string{"name": bucketName})
	if err != nil {
		return err
	}
	_, err = s.client.Do(r) // check: created under the caller's bucketName
	return err
}
