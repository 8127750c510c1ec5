package retryscope

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// Kafka producers that retry by themselves. A produce request that timed
// out or lost its connection may already be appended to the log; a
// producer that sends it again without idempotence (sequence numbers the
// broker deduplicates) writes the message twice:
//   - sarama retries a failed produce Producer.Retry.Max times; with
//     Producer.Idempotent the broker drops the repeats;
//   - kafka-go's Writer retries a failed batch MaxAttempts times and has
//     no idempotent mode.
//
// Both libraries retry by default, so every producer would be reported
// from defaults alone. Only a retry count the package sets itself (greater
// than zero for sarama, than one for kafka-go) is the author's choice to
// retry, and only then are the package's sends reported, at the send.
// The link from configuration to send is by package: a package that
// configures retries, and does not turn on sarama's idempotence, has its
// producers' sends judged retried.

var saramaPkgs = map[string]bool{"github.com/IBM/sarama": true, "github.com/Shopify/sarama": true}

const kafkaGoPkg = "github.com/segmentio/kafka-go"

// kafkaConfig is what a package configures on its Kafka producers.
type kafkaConfig struct {
	saramaRetries, saramaIdempotent, writerRetries bool
}

// noteKafkaAssign records cfg.Producer.Retry.Max = n,
// cfg.Producer.Idempotent = true and w.MaxAttempts = n.
func (k *kafkaConfig) noteAssign(info *types.Info, lhs, rhs ast.Expr) {
	path, base := selectorPath(lhs)
	if base == nil {
		return
	}
	t := info.TypeOf(base)
	switch {
	case isNamedIn(t, saramaPkgs, "Config") && equalPath(path, "Producer", "Retry", "Max"):
		k.saramaRetries = k.saramaRetries || intAbove(info, rhs, 0)
	case isNamedIn(t, saramaPkgs, "Config") && equalPath(path, "Producer", "Idempotent"):
		k.saramaIdempotent = k.saramaIdempotent || isTrue(info, rhs)
	case isNamed(t, kafkaGoPkg, "Writer") && equalPath(path, "MaxAttempts"):
		k.writerRetries = k.writerRetries || intAbove(info, rhs, 1)
	}
}

// noteComposite records kafka.Writer{MaxAttempts: n}.
func (k *kafkaConfig) noteComposite(info *types.Info, cl *ast.CompositeLit) {
	if !isNamed(info.TypeOf(cl), kafkaGoPkg, "Writer") {
		return
	}
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "MaxAttempts" {
				k.writerRetries = k.writerRetries || intAbove(info, kv.Value, 1)
			}
		}
	}
}

// isProducerSend reports whether fn sends through a Kafka producer:
// sarama's SyncProducer.SendMessage(s), kafka-go's Writer.WriteMessages.
func isProducerSend(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	switch {
	case isNamedIn(recv.Type(), saramaPkgs, "SyncProducer"):
		return fn.Name() == "SendMessage" || fn.Name() == "SendMessages"
	case isNamed(recv.Type(), kafkaGoPkg, "Writer"):
		return fn.Name() == "WriteMessages"
	}
	return false
}

// mechanism names the retry a producer send goes through, or "" when the
// package did not configure one.
func (k *kafkaConfig) mechanism(fn *types.Func) string {
	recv := fn.Signature().Recv()
	switch {
	case isNamedIn(recv.Type(), saramaPkgs, "SyncProducer") && k.saramaRetries && !k.saramaIdempotent:
		return "sarama's producer retries (Producer.Retry.Max set, Producer.Idempotent off)"
	case isNamed(recv.Type(), kafkaGoPkg, "Writer") && k.writerRetries:
		return "kafka-go's Writer retries (MaxAttempts set; the writer has no idempotent mode)"
	}
	return ""
}

// selectorPath splits cfg.Producer.Retry.Max into [Producer Retry Max]
// and cfg.
func selectorPath(e ast.Expr) ([]string, ast.Expr) {
	var path []string
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		path = append([]string{sel.Sel.Name}, path...)
		e = sel.X
	}
	if len(path) == 0 {
		return nil, nil
	}
	return path, e
}

func equalPath(path []string, want ...string) bool {
	if len(path) != len(want) {
		return false
	}
	for i := range path {
		if path[i] != want[i] {
			return false
		}
	}
	return true
}

// isNamedIn is isNamed for a type that several module paths publish.
func isNamedIn(t types.Type, pkgs map[string]bool, name string) bool {
	for p := range pkgs {
		if isNamed(t, p, name) {
			return true
		}
	}
	return false
}

// intAbove reports whether e is an integer constant greater than n.
func intAbove(info *types.Info, e ast.Expr, n int64) bool {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, exact := constant.Int64Val(tv.Value)
	return exact && v > n
}

// isTrue reports whether e is the constant true.
func isTrue(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}
