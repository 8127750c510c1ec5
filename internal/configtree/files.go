// Package configtree generates the inputs of twice config's benchmarks:
// single files of each format the config checker parses (sized so that a
// parser benchmark measures throughput, not set-up) and whole repositories of
// many thousand files shaped like a company's monorepo of Java services.
//
// Contents are deterministic: the same arguments give byte-identical files,
// so benchmark runs are comparable.
package configtree

import (
	"fmt"
	"strings"
)

// Properties returns a Spring Boot application.properties of about n lines:
// datasource, logging and feature settings with placeholders, continued
// lines and \uXXXX escapes, as real files have. With server set it also holds
// PowerJob server keys (auth disabled; one written `key: value`).
func Properties(n int, server bool) []byte {
	var b strings.Builder
	b.WriteString("# Generated service configuration\n")
	b.WriteString("spring.application.name=order-service\n")
	b.WriteString("spring.profiles.active=${SPRING_PROFILES_ACTIVE:prod}\n")
	if server {
		b.WriteString("oms.auth.openapi.enable=false\n")
		b.WriteString("oms.mongodb.enable: false\n")
	}
	for i := 0; i < n/7; i++ { // seven lines per entry
		fmt.Fprintf(&b, "spring.datasource.hikari.pool-%d.maximum-pool-size=%d\n", i, 10+i%20)
		fmt.Fprintf(&b, "spring.datasource.hikari.pool-%d.jdbc-url=jdbc:mysql://${DB_HOST:db-%d}:3306/orders_%d?useSSL=false\n", i, i, i)
		fmt.Fprintf(&b, "logging.level.com.example.orders.module%d=INFO\n", i)
		fmt.Fprintf(&b, "app.feature.flags.f%d=\\\n    alpha,beta,\\\n    gamma\n", i)
		fmt.Fprintf(&b, "app.messages.greeting%d=Gr\\u00fc\\u00dfe aus Modul %d\n", i, i)
	}
	return []byte(b.String())
}

// YAML returns a multi-document Spring application.yml of about n lines:
// a base document with nested maps and lists and a profile document
// activated by spring.config.activate.on-profile. With server set it also
// holds the PowerJob server's nested oms.auth.openapi.enable (false).
func YAML(n int, server bool) []byte {
	var b strings.Builder
	b.WriteString("spring:\n  application:\n    name: order-service\n  profiles:\n    active: prod\n")
	if server {
		b.WriteString("oms:\n  auth:\n    openapi:\n      enable: false\n  table-prefix: pj_\n")
	}
	b.WriteString("app:\n  modules:\n")
	for i := 0; i < n*2/3/7; i++ { // seven lines per module
		fmt.Fprintf(&b, "    module%d:\n      enabled: %t\n      url: \"http://svc-%d.internal:8080/api\"\n      timeouts: {connect: 5s, read: 30s}\n      tags:\n        - team-%d\n        - tier-%d\n", i, i%2 == 0, i, i%7, i%3)
	}
	b.WriteString("---\nspring:\n  config:\n    activate:\n      on-profile: prod\napp:\n  overrides:\n")
	for i := 0; i < n/3/4; i++ { // four lines per override
		fmt.Fprintf(&b, "    o%d: &anchor%d\n      replicas: %d\n    c%d: *anchor%d\n", i, i, 1+i%5, i, i)
	}
	return []byte(b.String())
}

// Pom returns a Maven pom.xml with n dependencies (versions through
// properties and dependencyManagement); with client set, one of them is
// powerjob-client 5.1.0 (through a powerjob.version property, which only
// such a pom has: a module that does not use PowerJob does not name it).
func Pom(n int, client bool) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>order-service</artifactId>
  <version>1.4.0-SNAPSHOT</version>
  <properties>
    <java.version>17</java.version>
`)
	if client { // only the modules that use PowerJob mention it
		b.WriteString("    <powerjob.version>5.1.0</powerjob.version>\n")
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    <lib%d.version>%d.%d.%d</lib%d.version>\n", i, 1+i%4, i%10, i%3, i)
	}
	b.WriteString("  </properties>\n  <dependencyManagement>\n    <dependencies>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      <dependency>\n        <groupId>com.example.lib%d</groupId>\n        <artifactId>lib-%d</artifactId>\n        <version>${lib%d.version}</version>\n      </dependency>\n", i, i, i)
	}
	b.WriteString("    </dependencies>\n  </dependencyManagement>\n  <dependencies>\n")
	if client {
		b.WriteString("    <dependency>\n      <groupId>tech.powerjob</groupId>\n      <artifactId>powerjob-client</artifactId>\n      <version>${powerjob.version}</version>\n    </dependency>\n")
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    <!-- module %d -->\n    <dependency>\n      <groupId>com.example.lib%d</groupId>\n      <artifactId>lib-%d</artifactId>\n    </dependency>\n", i, i, i)
	}
	b.WriteString("  </dependencies>\n</project>\n")
	return []byte(b.String())
}

// Gradle returns a Groovy build.gradle with n dependencies in the string,
// map and variable forms; with client set, one of them is powerjob-client
// 5.1.0 (through an ext variable).
func Gradle(n int, client bool) []byte {
	var b strings.Builder
	b.WriteString("plugins {\n    id 'java'\n    id 'org.springframework.boot' version '3.2.5'\n}\n\n")
	if client { // only the modules that use PowerJob mention it
		b.WriteString("ext {\n    powerjobVersion = '5.1.0'\n}\n")
	}
	b.WriteString("def guavaVersion = \"33.1.0-jre\"\n\nrepositories {\n    mavenCentral()\n}\n\ndependencies {\n")
	if client {
		b.WriteString("    implementation \"tech.powerjob:powerjob-client:${powerjobVersion}\"\n")
	}
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "    implementation 'com.example.lib%d:lib-%d:%d.%d.0'\n", i, i, 1+i%4, i%10)
		case 1:
			fmt.Fprintf(&b, "    api group: 'com.example.lib%d', name: 'lib-%d', version: '%d.0.%d'\n", i, i, 2+i%3, i%5)
		default:
			fmt.Fprintf(&b, "    testImplementation(\"com.google.guava:guava:${guavaVersion}\") { // lib %d\n        exclude group: 'org.checkerframework'\n    }\n", i)
		}
	}
	b.WriteString("}\n\ntasks.named('test') {\n    useJUnitPlatform()\n}\n")
	return []byte(b.String())
}

// VersionCatalog returns a gradle/libs.versions.toml with n libraries.
func VersionCatalog(n int) []byte {
	var b strings.Builder
	b.WriteString("[versions]\npowerjob = \"5.1.0\"\nspring-boot = \"3.2.5\"\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "lib%d = \"%d.%d.%d\"\n", i, 1+i%4, i%10, i%3)
	}
	b.WriteString("\n[libraries]\npowerjob-client = { module = \"tech.powerjob:powerjob-client\", version.ref = \"powerjob\" }\n")
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&b, "lib%d = { module = \"com.example.lib%d:lib-%d\", version.ref = \"lib%d\" }\n", i, i, i, i)
		} else {
			fmt.Fprintf(&b, "lib%d = { group = \"com.example.lib%d\", name = \"lib-%d\", version = \"1.0.%d\" } # pinned\n", i, i, i, i)
		}
	}
	b.WriteString("\n[bundles]\nall = [ \"powerjob-client\", \"lib0\" ]\n\n[plugins]\nspring-boot = { id = \"org.springframework.boot\", version.ref = \"spring-boot\" }\n")
	return []byte(b.String())
}

// Compose returns a docker-compose.yml with n application services; with
// server set, a PowerJob server with PARAMS and JVMOPTIONS (auth disabled)
// comes first, as in the PowerJob docs.
func Compose(n int, server bool) []byte {
	var b strings.Builder
	b.WriteString("services:\n")
	if server {
		b.WriteString("  powerjob-server:\n    image: powerjob/powerjob-server:5.1.0\n    ports:\n      - \"7700:7700\"\n")
		b.WriteString("    environment:\n      JVMOPTIONS: \"-Xmx512m\"\n      PARAMS: >-\n        --spring.profiles.active=product\n        --oms.auth.openapi.enable=false\n")
	}
	for i := 0; i < n; i++ {
		depends := ""
		if server {
			depends = "    depends_on: [powerjob-server]\n"
		}
		fmt.Fprintf(&b, "  svc%d:\n    image: registry.example.com/team/svc-%d:1.%d.0\n%s    environment:\n      - SPRING_PROFILES_ACTIVE=prod\n      - JAVA_OPTS=-Dapp.id=%d -Xms256m\n    command: [\"java\", \"-jar\", \"/app.jar\", \"--server.port=%d\"]\n    volumes:\n      - ./config/svc%d:/config:ro\n", i, i, i%10, depends, i, 8000+i, i)
	}
	return []byte(b.String())
}

// Kubernetes returns n Deployments (each with a ConfigMap holding an
// application.properties) as one multi-document manifest.
func Kubernetes(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: svc-%[1]d-config
data:
  application.properties: |
    server.port=8080
    app.instance=%[1]d
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-%[1]d
  labels: {app: svc-%[1]d}
spec:
  replicas: 2
  selector:
    matchLabels: {app: svc-%[1]d}
  template:
    metadata:
      labels: {app: svc-%[1]d}
    spec:
      containers:
        - name: app
          image: registry.example.com/team/svc-%[1]d:1.0.%[1]d
          args: ["--spring.profiles.active=prod", "--server.port=8080"]
          env:
            - name: JAVA_OPTS
              value: "-Xmx512m -Dapp.id=%[1]d"
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
          volumeMounts:
            - name: config
              mountPath: /config
      volumes:
        - name: config
          configMap:
            name: svc-%[1]d-config
`, i)
	}
	return []byte(b.String())
}

// Dockerfile returns a multi-stage Dockerfile with n ENV/RUN instructions in
// the final stage.
func Dockerfile(n int) []byte {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1\nFROM maven:3.9-eclipse-temurin-17 AS build\nWORKDIR /src\nCOPY pom.xml .\nRUN mvn -B -q dependency:go-offline\nCOPY src ./src\nRUN mvn -B -q package -DskipTests\n\n")
	b.WriteString("FROM eclipse-temurin:17-jre\nWORKDIR /app\nCOPY --from=build /src/target/app.jar /app/app.jar\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "ENV APP_FEATURE_%d=enabled \\\n    APP_LIMIT_%d=%d\nRUN echo \"configure step %d\" && \\\n    mkdir -p /app/data/%d\n", i, i, 100+i, i, i)
	}
	b.WriteString("EXPOSE 8080\nENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n")
	return []byte(b.String())
}
