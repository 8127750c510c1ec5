// Package provision sets up per-tenant workloads in a cluster through
// client-go's typed and dynamic clients and controller-runtime's client.
// A Kubernetes create of a named object cannot happen twice (the second is
// refused with AlreadyExists); one with generateName, or with a name made
// on every call, creates a second object.
package provision

import (
	"context"
	"errors"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type Provisioner struct {
	kube    kubernetes.Interface
	dyn     dynamic.Interface
	crc     client.Client
	tenants Tenants
}

// SettingsMap creates the tenant's ConfigMap under a fixed name: silent.
func (p *Provisioner) SettingsMap(ctx context.Context, tenant string) error {
	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: tenant + "-settings", Namespace: tenant},
		Data:       map[string]string{"tier": "basic"},
	}
	_, err := p.kube.CoreV1().ConfigMaps(tenant).Create(ctx, cm, metav1.CreateOptions{})
	return err
}

// Namespace creates the tenant's namespace from an inline literal: silent.
func (p *Provisioner) Namespace(ctx context.Context, tenant string) error {
	_, err := p.kube.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: tenant}}, metav1.CreateOptions{})
	return err
}

// MigrationPod lets the server pick the pod's name: every call is a new pod.
func (p *Provisioner) MigrationPod(ctx context.Context, tenant string) error {
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{GenerateName: tenant + "-migrate-", Namespace: tenant},
		Spec:       corev1.PodSpec{RestartPolicy: "Never"},
	}
	_, err := p.kube.CoreV1().Pods(tenant).Create(ctx, pod, metav1.CreateOptions{}) // want `mutating: Kubernetes create of a Pod with generateName \(PodInterface\.Create\)$`
	return err
}

// BackupPod sets generateName after building the pod.
func (p *Provisioner) BackupPod(ctx context.Context, tenant string, template *corev1.Pod) error {
	pod := *template
	pod.GenerateName = tenant + "-backup-"
	_, err := p.kube.CoreV1().Pods(tenant).Create(ctx, &pod, metav1.CreateOptions{}) // want `mutating: Kubernetes create of a Pod with generateName \(PodInterface\.Create\)$`
	return err
}

// ReportPod names the pod after the clock: a new name on every call.
func (p *Provisioner) ReportPod(ctx context.Context, tenant string) error {
	pod := &corev1.Pod{}
	pod.ObjectMeta.Name = fmt.Sprintf("%s-report-%d", tenant, time.Now().UnixNano())
	_, err := p.kube.CoreV1().Pods(tenant).Create(ctx, pod, metav1.CreateOptions{}) // want `mutating: Kubernetes create of a Pod with a name made on every attempt \(PodInterface\.Create\)$`
	return err
}

// CleanupPod creates a pod from a builder that names it by generateName.
func (p *Provisioner) CleanupPod(ctx context.Context, tenant string) error {
	pod := cleanupPod(tenant)
	_, err := p.kube.CoreV1().Pods(tenant).Create(ctx, pod, metav1.CreateOptions{}) // want `mutating: Kubernetes create of a Pod with generateName \(PodInterface\.Create\)$`
	return err
}

// IndexPod creates a pod from a builder that gives it a fixed name: silent.
func (p *Provisioner) IndexPod(ctx context.Context, tenant string) error {
	_, err := p.kube.CoreV1().Pods(tenant).Create(ctx, indexPod(tenant), metav1.CreateOptions{})
	return err
}

func cleanupPod(tenant string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{GenerateName: tenant + "-cleanup-", Namespace: tenant}}
}

func indexPod(tenant string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: tenant + "-index", Namespace: tenant}}
}

// CopyPod creates a pod its caller built: the name is not known here
// (unknown is silence).
func (p *Provisioner) CopyPod(ctx context.Context, pod *corev1.Pod) error {
	_, err := p.kube.CoreV1().Pods(pod.Namespace).Create(ctx, pod, metav1.CreateOptions{})
	return err
}

// Quota creates a custom resource through the dynamic client under a fixed
// name: silent.
func (p *Provisioner) Quota(ctx context.Context, tenant string) error {
	obj := &unstructured.Unstructured{Object: map[string]interface{}{"kind": "TenantQuota"}}
	obj.SetName(tenant)
	_, err := p.dyn.Resource(dynamic.GroupVersionResource{Group: "example.com", Version: "v1", Resource: "tenantquotas"}).Namespace(tenant).Create(ctx, obj, metav1.CreateOptions{})
	return err
}

// AuditEntry creates a custom resource with a generated name.
func (p *Provisioner) AuditEntry(ctx context.Context, tenant string) error {
	obj := &unstructured.Unstructured{Object: map[string]interface{}{"kind": "AuditEntry"}}
	obj.SetGenerateName("audit-")
	_, err := p.dyn.Resource(dynamic.GroupVersionResource{Group: "example.com", Version: "v1", Resource: "auditentries"}).Namespace(tenant).Create(ctx, obj, metav1.CreateOptions{}) // want `mutating: Kubernetes create of an object with generateName \(ResourceInterface\.Create\)$`
	return err
}

// ControllerMap creates through controller-runtime's client under a fixed
// name: silent.
func (p *Provisioner) ControllerMap(ctx context.Context, tenant string) error {
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "owner-" + tenant}}
	return p.crc.Create(ctx, cm)
}

// ControllerJob creates through controller-runtime with generateName.
func (p *Provisioner) ControllerJob(ctx context.Context, tenant string) error {
	pod := &corev1.Pod{}
	pod.SetGenerateName(tenant + "-job-")
	return p.crc.Create(ctx, pod) // want `mutating: Kubernetes create of a Pod with generateName \(Writer\.Create\)$`
}

// Tenants is the provisioner's own registry (not Kubernetes): its Create is
// judged by its name, as any interface method with no body.
type Tenants interface {
	Get(ctx context.Context, name string) (string, error)
	Create(ctx context.Context, name string, opts CreateOptions) error
}

type CreateOptions struct{ Tier string }

var ErrTenantNotFound = errors.New("tenant not found")

// Register creates the tenant only when the lookup said it is missing,
// written as a conjunction.
func (p *Provisioner) Register(ctx context.Context, name string) error {
	_, err := p.tenants.Get(ctx, name)
	if err != nil && errors.Is(err, ErrTenantNotFound) {
		return p.tenants.Create(ctx, name, CreateOptions{}) // a create under the caller's name (namedcreate.go)
	}
	return err
}

// RegisterBlind creates whatever the lookup said: no check-before-create.
func (p *Provisioner) RegisterBlind(ctx context.Context, name string) error {
	_, err := p.tenants.Get(ctx, name)
	if err != nil && err.Error() != "" {
		return p.tenants.Create(ctx, name, CreateOptions{}) // named by the caller: a repeat is refused
	}
	return err
}
