package configcheck

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// pairing is the server a client was paired with and why, or, when no
// evidence singles one out, the servers it could be calling.
type pairing struct {
	server     *judgedServer
	reason     string          // "server-address powerjob-a:7700 (orders/…/application.yml:3)"
	candidates []*judgedServer // server == nil: the remaining candidates, nearest first
	total      int             // servers in the scanned paths
}

// pairer pairs clients with servers, strongest evidence first (DESIGN.md,
// "Config rules"): the configured server address, the same deployment
// unit, the same build, the nearest common directory. Servers are indexed
// by host, unit and build once, so a client costs lookups, not a scan of
// every server per rule.
type pairer struct {
	servers []*judgedServer
	sites   []site
	byHost  map[string][]int
	byUnit  map[string][]int
	byBuild map[string][]int
}

func newPairer(servers []*judgedServer, x *siteIndex) *pairer {
	p := &pairer{servers: servers, byHost: map[string][]int{}, byUnit: map[string][]int{}, byBuild: map[string][]int{}}
	for i, s := range servers {
		st := x.serverSite(s.server)
		p.sites = append(p.sites, st)
		for _, h := range st.hosts {
			p.byHost[h] = appendIdx(p.byHost[h], i)
		}
		for _, u := range st.units {
			p.byUnit[u] = appendIdx(p.byUnit[u], i)
		}
		if st.build != "" {
			p.byBuild[st.build] = append(p.byBuild[st.build], i)
		}
	}
	return p
}

func appendIdx(list []int, i int) []int {
	if n := len(list); n > 0 && list[n-1] == i {
		return list
	}
	return append(list, i)
}

// pair applies the rules in order. Each rule keeps the candidates it
// matches: exactly one is the answer; several narrow the set for the next
// rule; none leaves the set as it was (the rule had nothing to say).
func (p *pairer) pair(c site) pairing {
	n := len(p.servers)
	switch n {
	case 0:
		return pairing{}
	case 1:
		return pairing{server: p.servers[0], reason: "the only PowerJob server in the scanned paths", total: 1}
	}
	cands := make([]int, n)
	for i := range cands {
		cands[i] = i
	}
	rules := []func([]int) (map[int]bool, func(int) string){
		p.byAddress(c), p.byUnitOf(c), p.byBuildOf(c), p.byNearestDir(c),
	}
	for _, rule := range rules {
		keep, why := rule(cands)
		next := slices.DeleteFunc(slices.Clone(cands), func(i int) bool { return !keep[i] })
		switch len(next) {
		case 0:
			continue
		case 1:
			return pairing{server: p.servers[next[0]], reason: why(next[0]), total: n}
		}
		cands = next
	}
	return pairing{candidates: p.nearestFirst(c, cands), total: n}
}

// byAddress: servers reached by a configured address.
func (p *pairer) byAddress(c site) func([]int) (map[int]bool, func(int) string) {
	return func([]int) (map[int]bool, func(int) string) {
		keep, via := map[int]bool{}, map[int]serverAddr{}
		for _, a := range c.addrs {
			for _, i := range p.byHost[a.host] {
				if !keep[i] {
					keep[i], via[i] = true, a
				}
			}
		}
		return keep, func(i int) string {
			a := via[i]
			return fmt.Sprintf("server-address %s (%s)", a.text, posText(a.pos))
		}
	}
}

// byUnitOf: servers in a deployment unit the client runs in.
func (p *pairer) byUnitOf(c site) func([]int) (map[int]bool, func(int) string) {
	return func([]int) (map[int]bool, func(int) string) {
		keep, via := map[int]bool{}, map[int]string{}
		for _, u := range c.units {
			for _, i := range p.byUnit[u] {
				if !keep[i] {
					keep[i], via[i] = true, u
				}
			}
		}
		return keep, func(i int) string { return "the same " + via[i] }
	}
}

// byBuildOf: servers built by the client's multi-module build.
func (p *pairer) byBuildOf(c site) func([]int) (map[int]bool, func(int) string) {
	return func([]int) (map[int]bool, func(int) string) {
		keep := map[int]bool{}
		if c.build != "" {
			for _, i := range p.byBuild[c.build] {
				keep[i] = true
			}
		}
		return keep, func(int) string { return "the same " + c.build }
	}
}

// byNearestDir: the candidates sharing the deepest common directory with
// the client.
func (p *pairer) byNearestDir(c site) func([]int) (map[int]bool, func(int) string) {
	return func(cands []int) (map[int]bool, func(int) string) {
		best, keep := -1, map[int]bool{}
		for _, i := range cands {
			d := commonDepth(c.dir, p.sites[i].dir)
			if d > best {
				best, keep = d, map[int]bool{}
			}
			if d == best {
				keep[i] = true
			}
		}
		return keep, func(i int) string {
			return "the nearest directory " + commonDir(c.dir, p.sites[i].dir) + "/ (no other server is as close)"
		}
	}
}

// nearestFirst orders the remaining candidates by closeness to the client,
// then by description, so the note names the likeliest ones.
func (p *pairer) nearestFirst(c site, cands []int) []*judgedServer {
	slices.SortStableFunc(cands, func(a, b int) int {
		return cmp.Or(-cmp.Compare(commonDepth(c.dir, p.sites[a].dir), commonDepth(c.dir, p.sites[b].dir)),
			cmp.Compare(p.servers[a].desc, p.servers[b].desc))
	})
	out := make([]*judgedServer, len(cands))
	for k, i := range cands {
		out[k] = p.servers[i]
	}
	return out
}

// commonDepth is the number of leading directory elements a and b share.
func commonDepth(a, b string) int {
	if a == "." || b == "." {
		return 0
	}
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

func commonDir(a, b string) string {
	n := commonDepth(a, b)
	if n == 0 {
		return "."
	}
	return strings.Join(strings.Split(a, "/")[:n], "/")
}
