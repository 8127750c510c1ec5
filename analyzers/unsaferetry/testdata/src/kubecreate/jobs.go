// Package kubecreate is an operator that runs one-off jobs as pods and
// keeps a per-tenant lease, retrying on any error. A named Kubernetes
// object cannot be created twice (the repeat is refused with
// AlreadyExists); a pod named by generateName can.
package kubecreate

import (
	"context"
	"errors"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/util/retry"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type Runner struct {
	kube   kubernetes.Interface
	crc    client.Client
	leases Leases
}

var backoff = wait.Backoff{Duration: time.Second, Factor: 2, Steps: 5}

func always(error) bool { return true }

// RunOnce starts the job's pod with a server-chosen name on every attempt:
// a pod created by an attempt whose response was lost is started again.
func (r *Runner) RunOnce(ctx context.Context, ns, job string) error {
	return retry.OnError(backoff, always, func() error {
		pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{GenerateName: job + "-", Namespace: ns}}
		_, err := r.kube.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{}) // want `Kubernetes create of a Pod with generateName \(PodInterface\.Create\) inside retry\.OnError \(client-go\) runs again on every retry; a second Pod can be created under another name if an attempt succeeded but its response was lost: give the object a fixed metadata\.name`
		return err
	})
}

// RunNamed names the pod after the job: a repeated create is refused.
func (r *Runner) RunNamed(ctx context.Context, ns, job string) error {
	return retry.OnError(backoff, always, func() error {
		pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: job, Namespace: ns}}
		_, err := r.kube.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{})
		return err
	})
}

// RunController creates through controller-runtime's client, named: silent.
func (r *Runner) RunController(ctx context.Context, ns, job string) error {
	for attempt := 0; attempt < 3; attempt++ {
		pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: job, Namespace: ns}}
		if err := r.crc.Create(ctx, pod); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("job not started")
}

// RunControllerGenerated creates through controller-runtime with
// generateName in a hand-written loop.
func (r *Runner) RunControllerGenerated(ctx context.Context, ns, job string) error {
	for attempt := 0; attempt < 3; attempt++ {
		pod := &corev1.Pod{}
		pod.Namespace = ns
		pod.SetGenerateName(job + "-")
		if err := r.crc.Create(ctx, pod); err == nil { // want `Kubernetes create of a Pod with generateName \(Writer\.Create\) inside a retry loop runs again on every retry`
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("job not started")
}

// ensureLeaseMap reads the lease ConfigMap and creates it only when the
// read said NotFound (a conjunction); a repeat finds it.
func (r *Runner) ensureLeaseMap(ctx context.Context, ns, name string) (*corev1.ConfigMap, error) {
	cm, err := r.kube.CoreV1().ConfigMaps(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil && apierrors.IsNotFound(err) {
		cm = &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns}}
		return r.kube.CoreV1().ConfigMaps(ns).Create(ctx, cm, metav1.CreateOptions{})
	}
	return cm, err
}

// Acquire retries the get-or-create helper: silent.
func (r *Runner) Acquire(ctx context.Context, ns, name string) error {
	for attempt := 0; attempt < 5; attempt++ {
		if _, err := r.ensureLeaseMap(ctx, ns, name); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("lease map not ready")
}
