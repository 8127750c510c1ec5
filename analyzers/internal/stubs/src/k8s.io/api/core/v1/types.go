// Package v1 is a stub of k8s.io/api/core/v1 for analyzer tests: a few
// object types with the real metadata embedding.
package v1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

type Container struct {
	Name  string
	Image string
}

type PodSpec struct {
	Containers    []Container
	RestartPolicy string
}

type Pod struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	Spec PodSpec
}

type ConfigMap struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	Data map[string]string
}

type Namespace struct {
	metav1.TypeMeta
	metav1.ObjectMeta
}
