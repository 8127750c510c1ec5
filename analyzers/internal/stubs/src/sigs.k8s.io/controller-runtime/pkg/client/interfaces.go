// Package client is a stub of sigs.k8s.io/controller-runtime/pkg/client
// for analyzer tests: the real method sets of Client, Reader and Writer.
package client

import "context"

// Object is any Kubernetes object (metav1.Object and runtime.Object in the
// real package; the metadata accessors suffice here).
type Object interface {
	GetName() string
	SetName(name string)
	GetGenerateName() string
	SetGenerateName(name string)
}

type ObjectKey struct {
	Namespace string
	Name      string
}

type CreateOptions struct{ DryRun []string }

type CreateOption interface{ ApplyToCreate(*CreateOptions) }

type GetOption interface{}

type UpdateOption interface{}

type Reader interface {
	Get(ctx context.Context, key ObjectKey, obj Object, opts ...GetOption) error
}

type Writer interface {
	Create(ctx context.Context, obj Object, opts ...CreateOption) error
	Update(ctx context.Context, obj Object, opts ...UpdateOption) error
}

type Client interface {
	Reader
	Writer
}
