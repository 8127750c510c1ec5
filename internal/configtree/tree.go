package configtree

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// filesPerService is the number of files the config checker reads in each
// generated service: its build file, application.yml,
// application-prod.properties, a Dockerfile and a deployment manifest
// (Kubernetes, or docker-compose for every fourth service).
const filesPerService = 5

// Layout describes a generated repository.
type Layout struct {
	Files    int // files written, including those in skipped directories
	Relevant int // files the config checker reads (by name, outside skipped directories)
	Skipped  int // files under .git, node_modules or target/ beside a pom.xml
	Services int
	Bytes    int64 // total size of the files written
}

// Tree writes, into dir (which must be empty or absent), a monorepo of about
// files files of which about a tenth are config, build and deployment files
// the checker reads; the rest are Java sources, docs, front-end assets, build
// outputs beside their pom.xml and Git objects, as in a real repository.
// PowerJob is used the way a company uses it: one server (the root compose
// file, whose config is the first service's) and a powerjob-client 5.1.0 in
// one service in fifty (the second service first), so the rules have
// something to find without every module being a PowerJob module.
func Tree(dir string, files int) (Layout, error) {
	if files < 100 {
		return Layout{}, errors.New("configtree: a tree needs at least 100 files")
	}
	w := &writer{root: dir}
	services := max(1, files/10/filesPerService)
	// Files outside the services: three the checker reads, and docs.
	w.put("pom.xml", Pom(5, false), true)
	w.put("gradle/libs.versions.toml", VersionCatalog(30), true)
	w.put("docker-compose.yml", Compose(4, true), true)
	w.put("README.md", []byte("# Monorepo\n\nServices live under services/.\n"), false)
	perService := (files - w.layout.Files) / services
	for s := 0; s < services; s++ {
		w.service(s, perService-filesPerService)
	}
	// Top up with Git objects (skipped by the checker) to reach the count.
	for i := 0; w.layout.Files < files; i++ {
		w.skipped(fmt.Sprintf(".git/objects/%02x/%038x", i%256, i), javaSource("pack", i))
	}
	return w.layout, w.err
}

// service writes one service: its five relevant files and extra other files
// (Java sources, tests, docs, assets, build outputs).
func (w *writer) service(s, extra int) {
	w.serviceAt(fmt.Sprintf("services/svc-%04d/", s), s, extra, s == 0, s%50 == 1, "")
}

// serviceAt writes one service into dir; yamlTail is appended to its
// application.yml (e.g. the PowerJob server address of a client).
func (w *writer) serviceAt(dir string, s, extra int, server, client bool, yamlTail string) {
	if s%2 == 0 {
		w.put(dir+"pom.xml", Pom(12, client), true)
	} else {
		w.put(dir+"build.gradle", Gradle(12, client), true)
	}
	w.put(dir+"src/main/resources/application.yml", append(YAML(60, server), yamlTail...), true)
	w.put(dir+"src/main/resources/application-prod.properties", Properties(40, server), true)
	w.put(dir+"Dockerfile", Dockerfile(3), true)
	if s%4 == 3 {
		w.put(dir+"docker-compose.yml", Compose(2, false), true)
	} else {
		w.put(dir+"k8s/deployment.yaml", Kubernetes(1), true)
	}
	for i := 0; i < extra; i++ {
		switch i % 10 {
		case 0:
			if s%2 == 0 { // build output beside the pom.xml: skipped
				w.skipped(fmt.Sprintf("%starget/classes/com/example/Gen%d.class", dir, i), javaSource("classes", i))
				continue
			}
			w.put(fmt.Sprintf("%sdocs/adr-%04d.md", dir, i), []byte("# Decision\n\nWe retry reads only.\n"), false)
		case 1:
			w.skipped(fmt.Sprintf("%sfrontend/node_modules/pkg%d/index.js", dir, i), []byte("module.exports = {};\n"))
		case 2:
			w.put(fmt.Sprintf("%sfrontend/src/app%d.ts", dir, i), []byte("export const retry = 3;\n"), false)
		case 3:
			w.put(fmt.Sprintf("%ssrc/main/resources/db/V%d__init.sql", dir, i), []byte("CREATE TABLE orders (id BIGINT PRIMARY KEY);\n"), false)
		case 4:
			w.put(fmt.Sprintf("%ssrc/main/resources/static/i18n/messages_%d.json", dir, i), []byte(`{"greeting":"hello"}`+"\n"), false)
		default:
			w.put(fmt.Sprintf("%ssrc/main/java/com/example/svc%04d/Class%d.java", dir, s, i), javaSource(fmt.Sprintf("com.example.svc%04d", s), i), false)
		}
	}
	w.layout.Services++
}

func javaSource(pkg string, i int) []byte {
	return fmt.Appendf(nil, `package %s;

import java.util.List;

/** Generated class %d. */
public class Class%d {
    private final List<String> items;

    public Class%d(List<String> items) {
        this.items = items;
    }

    public int size() {
        return items.size();
    }
}
`, pkg, i, i, i)
}

// writer creates files and counts them; the first error stops it.
type writer struct {
	root   string
	layout Layout
	err    error
}

func (w *writer) put(rel string, data []byte, relevant bool) {
	w.write(rel, data)
	if relevant {
		w.layout.Relevant++
	}
}

func (w *writer) skipped(rel string, data []byte) {
	w.write(rel, data)
	w.layout.Skipped++
}

func (w *writer) write(rel string, data []byte) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = fmt.Errorf("configtree: %w", err)
		return
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		w.err = fmt.Errorf("configtree: %w", err)
		return
	}
	w.layout.Files++
	w.layout.Bytes += int64(len(data))
}
