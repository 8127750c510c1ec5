// Package v1 is a stub of k8s.io/apimachinery/pkg/apis/meta/v1 for
// analyzer tests: the object metadata and the option types twice
// recognises Kubernetes calls by, with their real names and fields.
package v1

type TypeMeta struct {
	Kind       string
	APIVersion string
}

type ObjectMeta struct {
	Name            string
	GenerateName    string
	Namespace       string
	ResourceVersion string
	Labels          map[string]string
}

func (m *ObjectMeta) GetName() string               { return m.Name }
func (m *ObjectMeta) SetName(name string)           { m.Name = name }
func (m *ObjectMeta) GetGenerateName() string       { return m.GenerateName }
func (m *ObjectMeta) SetGenerateName(name string)   { m.GenerateName = name }
func (m *ObjectMeta) GetNamespace() string          { return m.Namespace }
func (m *ObjectMeta) SetNamespace(namespace string) { m.Namespace = namespace }

type CreateOptions struct {
	TypeMeta
	DryRun       []string
	FieldManager string
}

type UpdateOptions struct {
	TypeMeta
	DryRun       []string
	FieldManager string
}

type GetOptions struct {
	TypeMeta
	ResourceVersion string
}

type DeleteOptions struct {
	TypeMeta
}

type ListOptions struct {
	TypeMeta
	LabelSelector string
}
