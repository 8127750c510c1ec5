package deploy

import "testing"

func TestComposeHosts(t *testing.T) {
	const f = "deploy/docker-compose.yml"
	data := []byte(`services:
  scheduler:
    image: powerjob/powerjob-server:5.1.0
    container_name: pj-server
    hostname: scheduler-host
    networks:
      backend:
        aliases: [powerjob, jobs.internal]
      frontend:
  api:
    image: example/api:1
    networks: [backend]
`)
	cs, err := ParseCompose(f, data)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "scheduler hosts", findContainer(t, cs, "scheduler").Hosts, []string{"pj-server", "scheduler-host", "powerjob", "jobs.internal"})
	assertEqual(t, "api hosts (list-form networks carry no aliases)", findContainer(t, cs, "api").Hosts, []string(nil))
}

func TestKubernetesEndpoints(t *testing.T) {
	const f = "k8s/scheduler.yaml"
	data := []byte(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: scheduler
  namespace: jobs
spec:
  template:
    metadata:
      labels: {app: scheduler, tier: backend}
    spec:
      containers:
        - name: server
          image: powerjob/powerjob-server:5.1.0
---
apiVersion: v1
kind: Service
metadata:
  name: powerjob
  namespace: jobs
spec:
  selector:
    app: scheduler
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: scheduler
  namespace: jobs
spec:
  rules:
    - host: Jobs.Example.com
      http:
        paths:
          - path: /
            backend:
              service: {name: powerjob, port: {number: 7700}}
    - http:
        paths:
          - backend: {serviceName: other}
`)
	objs, err := ParseKubernetesObjects(f, data)
	if err != nil {
		t.Fatal(err)
	}
	c := findContainer(t, objs.Containers, "scheduler/server")
	assertEqual(t, "namespace", c.Namespace, "jobs")
	assertEqual(t, "labels", c.Labels, map[string]string{"app": "scheduler", "tier": "backend"})
	assertEqual(t, "endpoints", objs.Endpoints, []Endpoint{
		{File: f, Pos: at(f, 18, 9), Namespace: "jobs", Service: "powerjob", Selector: map[string]string{"app": "scheduler"}},
		{File: f, Pos: at(f, 31, 13), Namespace: "jobs", Service: "powerjob", Host: "jobs.example.com"},
	})

	none, err := ParseKubernetesObjects("x.yaml", []byte("a: b\n"))
	if err != nil || len(none.Containers)+len(none.Endpoints) != 0 {
		t.Errorf("not a manifest: got %+v, %v", none, err)
	}
}
