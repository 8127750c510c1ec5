package mutation_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/twice-lint/twice/analyzers/internal/mutation"
)

// TestRepeatSafeDecls: a method documented to find an existing thing on a
// repeat (overridden, refused, returned) covers the methods of its name in
// its file; a create documented to make another, or saying nothing, does
// not, and neither does a method of the same name in another file.
func TestRepeatSafeDecls(t *testing.T) {
	const docs = `package p

// CreateContext creates a context.
//
// If the specified context already exists, overrides the context.
func (c *Client) CreateContext() {}

func (c *grpcClient) CreateContext() {}

// CreateBucket creates a bucket. Returns ALREADY_EXISTS if the bucket exists.
func (c *Client) CreateBucket() {}

// CreateTopic fails with an error if a topic with this name already exists.
func (c *Client) CreateTopic() {}

// CreateRun starts a new run, even if one already exists for the job.
func (c *Client) CreateRun() {}

// CreateIntent creates an intent in the specified agent.
func (c *Client) CreateIntent() {}

// CreateSession makes a session. Nothing already exists for it.
func CreateSession() {}
`
	const other = `package p

func (c *restClient) CreateContext() {}
`
	fset := token.NewFileSet()
	var files []*ast.File
	for name, src := range map[string]string{"docs.go": docs, "other.go": other} {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	safe := map[string]bool{}
	for d := range mutation.RepeatSafeDecls(files) {
		safe[fset.Position(d.Pos()).Filename+":"+recvName(d)+d.Name.Name] = true
	}
	want := map[string]bool{
		"docs.go:*Client.CreateContext":     true,
		"docs.go:*grpcClient.CreateContext": true,
		"docs.go:*Client.CreateBucket":      true,
		"docs.go:*Client.CreateTopic":       true,
	}
	for k := range want {
		if !safe[k] {
			t.Errorf("%s: not repeat-safe, want repeat-safe", k)
		}
	}
	for k := range safe {
		if !want[k] {
			t.Errorf("%s: repeat-safe, want not", k)
		}
	}
}

func recvName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return ""
	}
	if star, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok {
		return "*" + star.X.(*ast.Ident).Name + "."
	}
	return d.Recv.List[0].Type.(*ast.Ident).Name + "."
}
