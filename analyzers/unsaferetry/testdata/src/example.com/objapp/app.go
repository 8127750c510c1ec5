// Package objapp uses the object-store SDK: its call of the SDK method
// that posts through the retrying client is reported here too.
package objapp

import (
	"example.com/objstore/buckets"
	"example.com/objstore/core"
)

func Archive(bucket, key string) error {
	cli := core.NewClient("https://store.example.com")
	if err := buckets.ListUploads(cli, bucket); err != nil {
		return err
	}
	return buckets.StartUpload(cli, bucket, key) // want `StartUpload`
}
