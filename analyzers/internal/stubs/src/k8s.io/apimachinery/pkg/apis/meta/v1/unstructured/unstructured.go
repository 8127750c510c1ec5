// Package unstructured is a stub of
// k8s.io/apimachinery/pkg/apis/meta/v1/unstructured for analyzer tests.
package unstructured

type Unstructured struct {
	Object map[string]interface{}
}

func (u *Unstructured) meta() map[string]interface{} {
	if u.Object == nil {
		u.Object = map[string]interface{}{}
	}
	m, _ := u.Object["metadata"].(map[string]interface{})
	if m == nil {
		m = map[string]interface{}{}
		u.Object["metadata"] = m
	}
	return m
}

func (u *Unstructured) GetName() string             { s, _ := u.meta()["name"].(string); return s }
func (u *Unstructured) SetName(name string)         { u.meta()["name"] = name }
func (u *Unstructured) GetGenerateName() string     { s, _ := u.meta()["generateName"].(string); return s }
func (u *Unstructured) SetGenerateName(name string) { u.meta()["generateName"] = name }
func (u *Unstructured) SetNamespace(ns string)      { u.meta()["namespace"] = ns }
