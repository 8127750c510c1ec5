package springconf

import "strings"

// A small recursive-descent evaluator for Spring profile expressions
// (org.springframework.core.env.Profiles.of): names combined with !, &, |
// and parentheses. Depth is bounded so a line of '(' cannot exhaust the stack.

const maxProfileExprDepth = 64

// evalProfileExpr evaluates one expression against the active set. ok is
// false when the expression is malformed. Blank expressions are malformed.
func evalProfileExpr(expr string, active map[string]bool) (val, ok bool) {
	p := profileParser{toks: tokenizeProfileExpr(expr), active: active}
	if len(p.toks) == 0 {
		return false, false
	}
	v, ok := p.expr(0)
	if !ok || p.i != len(p.toks) {
		return false, false
	}
	return v, true
}

// tokenizeProfileExpr splits on blanks and yields the operators ! & | ( ) as
// tokens of their own; everything else is a profile name.
func tokenizeProfileExpr(s string) []string {
	var toks []string
	start := -1
	endName := func(i int) {
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case strings.IndexByte("!&|()", c) >= 0:
			endName(i)
			toks = append(toks, s[i:i+1])
		case c == ' ' || c == '\t':
			endName(i)
		default:
			if start < 0 {
				start = i
			}
		}
	}
	endName(len(s))
	return toks
}

type profileParser struct {
	toks   []string
	i      int
	active map[string]bool
}

func (p *profileParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

// expr := unary { op unary } where all ops are the same (& or |).
func (p *profileParser) expr(depth int) (bool, bool) {
	if depth > maxProfileExprDepth {
		return false, false
	}
	v, ok := p.unary(depth)
	if !ok {
		return false, false
	}
	op := ""
	for t := p.peek(); t == "&" || t == "|"; t = p.peek() {
		if op != "" && op != t {
			return false, false // Spring rejects "a & b | c" without parentheses
		}
		op = t
		p.i++
		w, ok := p.unary(depth)
		if !ok {
			return false, false
		}
		if op == "&" {
			v = v && w
		} else {
			v = v || w
		}
	}
	return v, true
}

// unary := "!" unary | "(" expr ")" | name
func (p *profileParser) unary(depth int) (bool, bool) {
	if depth > maxProfileExprDepth {
		return false, false
	}
	switch t := p.peek(); t {
	case "", "&", "|", ")":
		return false, false
	case "!":
		p.i++
		v, ok := p.unary(depth + 1)
		return !v, ok
	case "(":
		p.i++
		v, ok := p.expr(depth + 1)
		if !ok || p.peek() != ")" {
			return false, false
		}
		p.i++
		return v, true
	default:
		p.i++
		return p.active[t], true
	}
}
