package configtree

import (
	"errors"
	"fmt"
)

// productSize is the number of services per product in Monorepo.
const productSize = 20

// Monorepo writes, into dir, a repository of about files files holding
// services services grouped in products of twenty (products/pNNN/), the
// shape of issue 11: every product runs its own PowerJob server (a compose
// file under products/pNNN/deploy/, container_name pNNN-powerjob, auth
// disabled; every third product runs 5.1.1, which sends the header) and one
// service in ten is a powerjob-client 5.1.0 configured with its product's
// server address. Pairing must warn the clients of 5.1.0 products about
// their own server only, with a bounded number of related locations.
func Monorepo(dir string, files, services int) (Layout, error) {
	if services < 1 || files < services*(filesPerService+1) {
		return Layout{}, errors.New("configtree: a monorepo needs at least one service and six files per service")
	}
	w := &writer{root: dir}
	w.put("pom.xml", Pom(5, false), true)
	w.put("gradle/libs.versions.toml", VersionCatalog(30), true)
	w.put("README.md", []byte("# Monorepo\n\nProducts live under products/.\n"), false)
	products := (services + productSize - 1) / productSize
	perService := (files - w.layout.Files - products) / services
	for s := 0; s < services; s++ {
		p := s / productSize
		pdir := fmt.Sprintf("products/p%03d/", p)
		if s%productSize == 0 {
			version := "5.1.0"
			if p%3 == 2 {
				version = "5.1.1"
			}
			w.put(pdir+"deploy/docker-compose.yml", productCompose(p, version), true)
		}
		client := s%10 == 1
		tail := ""
		if client {
			tail = fmt.Sprintf("powerjob:\n  worker:\n    server-address: p%03d-powerjob:7700\n", p)
		}
		w.serviceAt(fmt.Sprintf("%ssvc-%04d/", pdir, s), s, perService-filesPerService, false, client, tail)
	}
	for i := 0; w.layout.Files < files; i++ {
		w.skipped(fmt.Sprintf(".git/objects/%02x/%038x", i%256, i), javaSource("pack", i))
	}
	return w.layout, w.err
}

// productCompose is a product's deployment: its PowerJob server (auth
// disabled) and a gateway.
func productCompose(p int, version string) []byte {
	return fmt.Appendf(nil, `services:
  powerjob:
    image: powerjob/powerjob-server:%[2]s
    container_name: p%03[1]d-powerjob
    environment:
      PARAMS: "--oms.auth.openapi.enable=false"
    ports:
      - "7700"
  gateway:
    image: registry.example.com/p%03[1]d/gateway:1.0.0
    depends_on: [powerjob]
`, p, version)
}
