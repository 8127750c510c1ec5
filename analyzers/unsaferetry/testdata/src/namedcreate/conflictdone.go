package namedcreate

import (
	"context"
	"errors"
	"net/http"

	"github.com/avast/retry-go/v4"
	"github.com/google/uuid"
)

// A role assignment is created under a uuid made before the retry; a
// 409 Conflict answer, read through errors.AsType, is treated as done, so
// a repeat of an assignment that took effect finds it: silent. Without
// that check the create is reported.

type ResponseError struct{ StatusCode int }

func (e *ResponseError) Error() string { return http.StatusText(e.StatusCode) }

type AssignmentParams struct{ PrincipalID, RoleDefinitionID string }

type RoleAssignments interface {
	Create(ctx context.Context, scope, roleAssignmentName string, params AssignmentParams) (string, error)
}

func AssignRole(ctx context.Context, client RoleAssignments, scope string, p AssignmentParams) error {
	id := uuid.New().String()
	return retry.Do(func() error {
		_, err := client.Create(ctx, scope, id, p)
		if responseError, ok := errors.AsType[*ResponseError](err); ok && responseError.StatusCode == http.StatusConflict {
			return nil
		}
		return err
	})
}

func AssignRoleAs(ctx context.Context, client RoleAssignments, scope string, p AssignmentParams) error {
	id := uuid.New().String()
	return retry.Do(func() error {
		_, err := client.Create(ctx, scope, id, p)
		var responseError *ResponseError
		if errors.As(err, &responseError) && responseError.StatusCode == http.StatusConflict {
			return nil
		}
		return err
	})
}

// A uuid made before the retry names the same assignment in every
// attempt: a create under a name the caller chose, which a repeat finds
// (silent, as namedcreate.go's); one drawn inside the attempt names a new
// one each time.
func AssignRoleUnchecked(ctx context.Context, client RoleAssignments, scope string, p AssignmentParams) error {
	id := uuid.New().String()
	return retry.Do(func() error {
		_, err := client.Create(ctx, scope, id, p)
		return err
	})
}

func AssignRoleFreshEachAttempt(ctx context.Context, client RoleAssignments, scope string, p AssignmentParams) error {
	return retry.Do(func() error {
		id := uuid.New().String()
		_, err := client.Create(ctx, scope, id, p) // want `RoleAssignments.Create .*inside retry.Do.* runs again on every retry; it can be created twice`
		return err
	})
}
