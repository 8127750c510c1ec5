package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

func (s *Server) initialize(raw json.RawMessage) (any, error) {
	var p initializeParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("initialize: %w", err)
	}
	folders, err := workspaceRoots(p)
	if err != nil {
		return nil, err
	}
	st, err := parseSettings(p.InitializationOptions)
	if err != nil {
		// Bad settings must not keep the editor from starting: say so and
		// go on with the defaults.
		s.showError("twice: initializationOptions: %v", err)
	}
	s.mu.Lock()
	s.initialized = true
	s.progressOK = p.Capabilities.Window.WorkDoneProgress
	s.settings = st
	s.mu.Unlock()
	if err := s.config.setFolders(folders); err != nil {
		s.showError("twice: %v", err)
	}
	return initializeResult{
		Capabilities: serverCapabilities{
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: saveOptions{}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{"quickfix"}},
		},
		ServerInfo: serverInfo{Name: "twice", Version: s.opts.Version},
	}, nil
}

// workspaceRoots are the folders to check: the workspace folders, else the
// root URI, else the root path.
func workspaceRoots(p initializeParams) ([]string, error) {
	var uris []string
	for _, f := range p.WorkspaceFolders {
		uris = append(uris, f.URI)
	}
	if len(uris) == 0 && p.RootURI != "" {
		uris = []string{p.RootURI}
	}
	var roots []string
	for _, u := range uris {
		path, err := uriToPath(u)
		if err != nil {
			return nil, fmt.Errorf("initialize: %w", err)
		}
		roots = append(roots, path)
	}
	if len(roots) == 0 && p.RootPath != "" {
		abs, err := filepath.Abs(p.RootPath)
		if err != nil {
			return nil, fmt.Errorf("initialize: rootPath: %w", err)
		}
		roots = []string{abs}
	}
	return roots, nil
}

// startWorkspace checks the workspace's config files once the client is
// ready (initialized), so findings show without opening every file.
func (s *Server) startWorkspace() {
	s.config.start()
	s.gocheck.start()
}

func (s *Server) didOpen(raw json.RawMessage) error {
	p, path, err := decodeDoc[didOpenParams](raw)
	if err != nil {
		return err
	}
	s.docs.open(path, p.TextDocument.URI, p.TextDocument.Version, p.TextDocument.Text)
	s.changed(path, true)
	return nil
}

func (s *Server) didChange(raw json.RawMessage) error {
	p, path, err := decodeDoc[didChangeParams](raw)
	if err != nil {
		return err
	}
	if err := s.docs.change(path, p.TextDocument.Version, p.ContentChanges); err != nil {
		return err
	}
	s.changed(path, false)
	return nil
}

func (s *Server) didSave(raw json.RawMessage) error {
	_, path, err := decodeDoc[didSaveParams](raw)
	if err != nil {
		return err
	}
	if isGoFile(path) {
		s.gocheck.enqueue(path)
		return nil
	}
	if isConfigFile(path) {
		s.config.invalidate() // a saved file may be new to the walk
	}
	return nil
}

func (s *Server) didClose(raw json.RawMessage) error {
	_, path, err := decodeDoc[didCloseParams](raw)
	if err != nil {
		return err
	}
	s.docs.close(path)
	if isConfigFile(path) {
		s.config.request(nil) // back to the contents on disk
	}
	return nil
}

// docParams are the parameters of a notification about one document.
type docParams interface{ docURI() string }

// decodeDoc decodes a document notification's parameters and the path of
// its document.
func decodeDoc[P docParams](raw json.RawMessage) (P, string, error) {
	var p P
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, "", err
	}
	path, err := uriToPath(p.docURI())
	return p, path, err
}

// changed reacts to an opened or edited document.
func (s *Server) changed(path string, opened bool) {
	switch {
	case isConfigFile(path):
		s.config.request([]string{path})
	case opened && isGoFile(path):
		s.gocheck.enqueue(path)
	}
}

func (s *Server) didChangeConfiguration(raw json.RawMessage) error {
	var p didChangeConfigurationParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return err
	}
	st, err := parseSettings(p.Settings)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.settings = st
	s.mu.Unlock()
	// Severities and analyzer options may have changed: check again.
	s.config.request(nil)
	s.gocheck.rerunOpen()
	return nil
}

func (s *Server) currentSettings() settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}

func isGoFile(path string) bool { return strings.HasSuffix(path, ".go") }
