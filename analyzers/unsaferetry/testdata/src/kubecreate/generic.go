package kubecreate

import (
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/util/retry"
)

// ObjectClient is a generic controller client of the shape generated
// clients and controller frameworks give (Create(obj) without client-go's
// options). The object it is given decides what a create makes, as for
// client-go: a fixed metadata.name is refused on repeat, generateName is
// not.
type ObjectClient[T any] interface {
	Create(obj T) (T, error)
	Update(obj T) (T, error)
}

type Snapshots struct {
	configMaps ObjectClient[*corev1.ConfigMap]
	pods       ObjectClient[*corev1.Pod]
}

// Record files the snapshot list under a fixed name: silent.
func (s *Snapshots) Record(data map[string]string) error {
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "etcd-snapshots", Namespace: "kube-system"}, Data: data}
	return retry.OnError(backoff, always, func() error {
		_, err := s.configMaps.Create(cm)
		return err
	})
}

// Probe starts a probe pod named by the server on every attempt.
func (s *Snapshots) Probe() error {
	return retry.OnError(backoff, always, func() error {
		_, err := s.pods.Create(&corev1.Pod{ObjectMeta: metav1.ObjectMeta{GenerateName: "probe-", Namespace: "kube-system"}}) // want `Kubernetes create of a Pod with generateName \(ObjectClient\.Create\)`
		return err
	})
}

// RecordProbe files a probe record by generateName, retrying only when the
// API server refused the object as too large (413): nothing was created.
func (s *Snapshots) RecordProbe(data map[string]string) error {
	return retry.OnError(backoff, apierrors.IsRequestEntityTooLargeError, func() error {
		_, err := s.configMaps.Create(&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{GenerateName: "probe-"}, Data: data})
		return err
	})
}
