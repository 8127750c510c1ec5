// Package gadgetpb is shaped like the protobuf/gRPC package of a Google
// Cloud API whose creates follow AIP-133: a parent, the resource, and for
// some resources an id the caller may choose.
package gadgetpb

import (
	"context"

	"google.golang.org/grpc"
)

// Gadget's Name is output only: the server names a new gadget.
type Gadget struct {
	// Output only. Identifier. The unique identifier of this gadget.
	Name string
	// Required. The human-readable name of the gadget.
	DisplayName string
	// Optional. A unique, case-sensitive identifier of the request: a
	// token, not a name among the gadgets.
	ClientToken string
}

// Flow's display name is documented unique: a second flow with the same
// one is refused.
type Flow struct {
	// The unique identifier of the flow. Create populates it.
	Name string
	// Required. The human-readable name of the flow, unique
	// within the agent.
	DisplayName string
}

type CreateFlowRequest struct {
	Parent string
	Flow   *Flow
}

// Model's name is required: the caller names the model (its full
// resource name, which no two models share).
type Model struct {
	// Required. The fully qualified resource name of the model.
	//
	// Format: `projects/{project}/locations/{location}/models/{model_id}`
	Name string
}

type CreateModelRequest struct {
	Parent string
	Model  *Model
}

// CreateGadgetRequest has no gadget id: every create makes a new gadget.
// RequestId deduplicates when the caller sets it (AIP-155).
type CreateGadgetRequest struct {
	Parent    string
	Gadget    *Gadget
	RequestId string
}

// Sprocket has no name of its own: the id names it.
func (r *CreateGadgetRequest) GetParent() string { return r.Parent }

type Sprocket struct{ Size int }

// CreateSprocketRequest lets the caller choose the sprocket's id.
type CreateSprocketRequest struct {
	Parent     string
	Sprocket   *Sprocket
	SprocketId string
}

// Board's id is optional: the server assigns one when it is empty, and
// the generated REST code sends it only when set.
type Board struct{ Size int }

type CreateBoardRequest struct {
	Parent  string
	Board   *Board
	BoardId string
}

func (r *CreateBoardRequest) GetParent() string  { return r.Parent }
func (r *CreateBoardRequest) GetBoardId() string { return r.BoardId }

func (r *CreateSprocketRequest) GetParent() string     { return r.Parent }
func (r *CreateSprocketRequest) GetSprocketId() string { return r.SprocketId }

// Template carries its caller-chosen id in the resource itself.
type Template struct {
	Id    string
	Steps []string
}

type CreateTemplateRequest struct {
	Parent   string
	Template *Template
}

type Context struct{ Name string }

type CreateContextRequest struct {
	Parent  string
	Context *Context
}

type GetGadgetRequest struct{ Name string }

type GadgetServiceClient interface {
	CreateGadget(ctx context.Context, in *CreateGadgetRequest, opts ...grpc.CallOption) (*Gadget, error)
	CreateSprocket(ctx context.Context, in *CreateSprocketRequest, opts ...grpc.CallOption) (*Sprocket, error)
	CreateTemplate(ctx context.Context, in *CreateTemplateRequest, opts ...grpc.CallOption) (*Template, error)
	CreateContext(ctx context.Context, in *CreateContextRequest, opts ...grpc.CallOption) (*Context, error)
	GetGadget(ctx context.Context, in *GetGadgetRequest, opts ...grpc.CallOption) (*Gadget, error)
	CreateFlow(ctx context.Context, in *CreateFlowRequest, opts ...grpc.CallOption) (*Flow, error)
	CreateModel(ctx context.Context, in *CreateModelRequest, opts ...grpc.CallOption) (*Model, error)
	CreateBoard(ctx context.Context, in *CreateBoardRequest, opts ...grpc.CallOption) (*Board, error)
}

type gadgetServiceClient struct{ cc grpc.ClientConnInterface }

func NewGadgetServiceClient(cc grpc.ClientConnInterface) GadgetServiceClient {
	return &gadgetServiceClient{cc}
}

func (c *gadgetServiceClient) CreateGadget(ctx context.Context, in *CreateGadgetRequest, opts ...grpc.CallOption) (*Gadget, error) {
	out := new(Gadget)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateGadget", in, out, opts...)
}

func (c *gadgetServiceClient) CreateSprocket(ctx context.Context, in *CreateSprocketRequest, opts ...grpc.CallOption) (*Sprocket, error) {
	out := new(Sprocket)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateSprocket", in, out, opts...)
}

func (c *gadgetServiceClient) CreateTemplate(ctx context.Context, in *CreateTemplateRequest, opts ...grpc.CallOption) (*Template, error) {
	out := new(Template)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateTemplate", in, out, opts...)
}

func (c *gadgetServiceClient) CreateContext(ctx context.Context, in *CreateContextRequest, opts ...grpc.CallOption) (*Context, error) {
	out := new(Context)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateContext", in, out, opts...)
}

func (c *gadgetServiceClient) GetGadget(ctx context.Context, in *GetGadgetRequest, opts ...grpc.CallOption) (*Gadget, error) {
	out := new(Gadget)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/GetGadget", in, out, opts...)
}

func (c *gadgetServiceClient) CreateFlow(ctx context.Context, in *CreateFlowRequest, opts ...grpc.CallOption) (*Flow, error) {
	out := new(Flow)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateFlow", in, out, opts...)
}

func (c *gadgetServiceClient) CreateModel(ctx context.Context, in *CreateModelRequest, opts ...grpc.CallOption) (*Model, error) {
	out := new(Model)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateModel", in, out, opts...)
}

func (c *gadgetServiceClient) CreateBoard(ctx context.Context, in *CreateBoardRequest, opts ...grpc.CallOption) (*Board, error) {
	out := new(Board)
	return out, c.cc.Invoke(ctx, "/example.gadgets.v1.GadgetService/CreateBoard", in, out, opts...)
}
