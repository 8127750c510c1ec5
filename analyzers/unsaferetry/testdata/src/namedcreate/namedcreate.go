// Package namedcreate retries creates that twice judges by their names
// only (interface methods). A create that passes the name or id of the
// thing it creates, chosen by the caller, is refused or answered with the
// same resource when repeated; a create without one (a comment on an
// issue, an order for a customer), under a name made fresh for the call,
// or of a record filed under a shared name, makes a second one.
package namedcreate

import (
	"context"
	"fmt"
	"time"

	"github.com/avast/retry-go/v4"
)

type TopicRequest struct {
	Name       string
	Partitions int
}

type Record struct {
	Name, Type, Value string
}

type BucketInput struct {
	Bucket *string
	ACL    string
}

type Release struct {
	TagName *string
	Draft   *bool
}

type OrderRequest struct {
	CustomerID string
	Items      []string
}

type RoleEntity struct{ Name string }

type Owner struct{ ID string }

type CreateRoleRequest struct {
	Entity *RoleEntity
}

type CreateProjectRequest struct {
	Owner *Owner
	Title string
}

type CredentialRequest struct {
	Username, Password string
}

type Customer struct {
	Email string
}

type Registry interface {
	CreateRepository(ctx context.Context, name string) error
	CreateComment(ctx context.Context, issueID int, body string) error
	CreateTopic(ctx context.Context, in *TopicRequest) error
	CreateRecord(ctx context.Context, zone string, r Record) error
	CreateBucket(ctx context.Context, in *BucketInput) error
	CreateRelease(ctx context.Context, in *Release) error
	CreateOrder(ctx context.Context, in *OrderRequest) error
	CreateRoleAssignment(ctx context.Context, scope, roleAssignmentName string) error
	CreateRole(ctx context.Context, in *CreateRoleRequest) error
	CreateProject(ctx context.Context, in *CreateProjectRequest) error
	CreateCredential(ctx context.Context, in *CredentialRequest) error
	CreateCustomer(ctx context.Context, in *Customer) error
}

type Service struct{ reg Registry }

func str(s string) *string { return &s }
func boolp(b bool) *bool   { return &b }

// Repository: the repository's name is its key.
func (s *Service) Repository(ctx context.Context, name string) error {
	return retry.Do(func() error { return s.reg.CreateRepository(ctx, name) })
}

// RoleAssignment: a name of the created thing spelled with its noun.
func (s *Service) RoleAssignment(ctx context.Context, scope, assignment string) error {
	return retry.Do(func() error { return s.reg.CreateRoleAssignment(ctx, scope, assignment) })
}

// Comment: the issue is the parent; each repeat adds a comment.
func (s *Service) Comment(ctx context.Context, issue int, body string) error {
	return retry.Do(func() error {
		return s.reg.CreateComment(ctx, issue, body) // want `Registry\.CreateComment \(an interface method with no body twice can see, named like a create\) inside retry\.Do \(avast/retry-go\) runs again on every retry; it can be created twice`
	})
}

// Topic names the topic in the request literal.
func (s *Service) Topic(ctx context.Context, topic string) error {
	return retry.Do(func() error { return s.reg.CreateTopic(ctx, &TopicRequest{Name: topic, Partitions: 3}) })
}

// TopicLater sets the name on a request built before the retry.
func (s *Service) TopicLater(ctx context.Context, topic string) error {
	req := &TopicRequest{Partitions: 3}
	req.Name = topic
	return retry.Do(func() error { return s.reg.CreateTopic(ctx, req) })
}

// TopicMaybeNamed names the topic only when the caller gave a name: a
// create without one is named by the server, and a repeat makes a second
// topic.
func (s *Service) TopicMaybeNamed(ctx context.Context, topic string) error {
	req := &TopicRequest{Partitions: 3}
	if topic != "" {
		req.Name = topic
	}
	return retry.Do(func() error {
		return s.reg.CreateTopic(ctx, req) // want `Registry\.CreateTopic .*it can be created twice`
	})
}

// TopicNamedInBranch sets the name and creates in the same branch: the
// create is always named.
func (s *Service) TopicNamedInBranch(ctx context.Context, topic string) error {
	req := &TopicRequest{Partitions: 3}
	if topic != "" {
		req.Name = topic
		return retry.Do(func() error { return s.reg.CreateTopic(ctx, req) })
	}
	return nil
}

// TopicFresh makes a new name for every attempt: a second topic.
func (s *Service) TopicFresh(ctx context.Context) error {
	return retry.Do(func() error {
		return s.reg.CreateTopic(ctx, &TopicRequest{Name: fmt.Sprint("t-", time.Now().UnixNano())}) // want `Registry\.CreateTopic .*it can be created twice`
	})
}

// Partitions sets only a count: nothing names the topic.
func (s *Service) Partitions(ctx context.Context) error {
	return retry.Do(func() error {
		return s.reg.CreateTopic(ctx, &TopicRequest{Partitions: 3}) // want `Registry\.CreateTopic`
	})
}

// TXT: DNS records share their names; a repeat adds a second record.
func (s *Service) TXT(ctx context.Context, zone, host, token string) error {
	return retry.Do(func() error {
		return s.reg.CreateRecord(ctx, zone, Record{Name: host, Type: "TXT", Value: token}) // want `Registry\.CreateRecord`
	})
}

// Bucket names the bucket through a pointer field named for it.
func (s *Service) Bucket(ctx context.Context, name string) error {
	return retry.Do(func() error { return s.reg.CreateBucket(ctx, &BucketInput{Bucket: &name, ACL: "private"}) })
}

// Published: a published release is keyed by its tag.
func (s *Service) Published(ctx context.Context, tag string) error {
	return retry.Do(func() error { return s.reg.CreateRelease(ctx, &Release{TagName: str(tag)}) })
}

// Draft: drafts are not bound to their tag; each repeat is another draft.
func (s *Service) Draft(ctx context.Context, tag string) error {
	return retry.Do(func() error {
		return s.reg.CreateRelease(ctx, &Release{TagName: str(tag), Draft: boolp(true)}) // want `Registry\.CreateRelease`
	})
}

// Order: the customer's id is the parent's, not the order's.
// Role: the role travels as a nested entity whose name is its key.
func (s *Service) Role(ctx context.Context, role string) error {
	return retry.Do(func() error {
		return s.reg.CreateRole(ctx, &CreateRoleRequest{Entity: &RoleEntity{Name: role}})
	})
}

// Project: the nested literal names the owner, a parent: a second project.
func (s *Service) Project(ctx context.Context, owner, title string) error {
	return retry.Do(func() error {
		return s.reg.CreateProject(ctx, &CreateProjectRequest{Owner: &Owner{ID: owner}, Title: title}) // want `Registry\.CreateProject`
	})
}

// Credential: an account-like thing is unique by its username.
func (s *Service) Credential(ctx context.Context, user, password string) error {
	return retry.Do(func() error {
		return s.reg.CreateCredential(ctx, &CredentialRequest{Username: user, Password: password})
	})
}

// Customer: payment APIs file any number of customers under one e-mail.
func (s *Service) Customer(ctx context.Context, email string) error {
	return retry.Do(func() error {
		return s.reg.CreateCustomer(ctx, &Customer{Email: email}) // want `Registry\.CreateCustomer`
	})
}

func (s *Service) Order(ctx context.Context, customer string, items []string) error {
	return retry.Do(func() error {
		return s.reg.CreateOrder(ctx, &OrderRequest{CustomerID: customer, Items: items}) // want `Registry\.CreateOrder`
	})
}

type DatabaseRequest struct {
	DbName     string
	Properties map[string]string
}

type ResourceGroupRequest struct{ ResourceGroup string }

type Admin interface {
	CreateDatabase(ctx context.Context, in *DatabaseRequest) error
	CreateResourceGroup(ctx context.Context, in *ResourceGroupRequest) error
	CreateOrder(ctx context.Context, in *OrderRequest) error
	CreateRole(ctx context.Context, in *CreateRoleRequest) error
}

type Option interface {
	DatabaseRequest() *DatabaseRequest
	GroupRequest() *ResourceGroupRequest
	OrderRequest() *OrderRequest
	RoleRequest() *CreateRoleRequest
}

// Built elsewhere: a request type that names the database (DbName) or the
// group (ResourceGroup) is keyed by the name the caller gives; one that
// names no order is not.
func Provision(ctx context.Context, a Admin, opt Option) error {
	return retry.Do(func() error {
		if err := a.CreateDatabase(ctx, opt.DatabaseRequest()); err != nil {
			return err
		}
		req := opt.GroupRequest()
		if err := a.CreateResourceGroup(ctx, req); err != nil {
			return err
		}
		if err := a.CreateRole(ctx, opt.RoleRequest()); err != nil {
			return err // the role travels in a nested entity with a name
		}
		return a.CreateOrder(ctx, opt.OrderRequest()) // want `Admin\.CreateOrder`
	})
}
