// Package googleapi is a stub of google.golang.org/api/googleapi, the
// support package of Google's generated API clients: only what the
// fixtures call.
package googleapi

import "net/url"

// ResolveRelative resolves relstr (a URI template) against basestr.
func ResolveRelative(basestr, relstr string) string {
	u, _ := url.Parse(basestr)
	rel, _ := url.Parse(relstr)
	return u.ResolveReference(rel).String()
}

// Expand fills the template variables of u from expansions.
func Expand(u *url.URL, expansions map[string]string) {}
