package lsp

import (
	"context"
	"strconv"
)

// beginProgress reports the start of a long run through $/progress, when
// the client supports server-initiated progress, and returns the function
// that reports its end.
func (s *Server) beginProgress(ctx context.Context, title string) (end func(message string)) {
	s.mu.Lock()
	ok := s.progressOK
	s.mu.Unlock()
	if !ok {
		return func(string) {}
	}
	token := "twice-" + strconv.FormatInt(s.nextID.Add(1), 10)
	if !s.callClient(ctx, "window/workDoneProgress/create", map[string]string{"token": token}) {
		return func(string) {}
	}
	s.notifyClient("$/progress", progressParams{Token: token, Value: workDoneProgress{Kind: "begin", Title: title}})
	return func(message string) {
		s.notifyClient("$/progress", progressParams{Token: token, Value: workDoneProgress{Kind: "end", Message: message}})
	}
}
