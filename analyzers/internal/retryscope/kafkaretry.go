package retryscope

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
)

// Kafka producers that retry by themselves. A produce request that timed
// out or lost its connection may already be appended to the log; a
// producer that sends it again without idempotence (sequence numbers the
// broker deduplicates) writes the message twice:
//   - sarama retries a failed produce Producer.Retry.Max times; with
//     Producer.Idempotent the broker drops the repeats;
//   - kafka-go's Writer retries a failed batch MaxAttempts times and has
//     no idempotent mode;
//   - confluent-kafka-go (librdkafka) retries "retries" (or
//     "message.send.max.retries") times; "enable.idempotence" makes the
//     broker drop the repeats;
//   - franz-go is idempotent unless DisableIdempotentWrite() is given, and
//     then retries a record RecordRetries times (unbounded by default).
//
// The libraries retry by default, so every producer would be reported
// from defaults alone. Only a retry count the package sets itself (greater
// than zero; than one for kafka-go's attempts), or franz-go's idempotence
// turned off, is the author's choice, and only then are the package's
// sends reported, at the send.
// The link from configuration to send is by package: a package that
// configures retries, and does not turn on sarama's idempotence, has its
// producers' sends judged retried.

var (
	saramaPkgs    = map[string]bool{"github.com/IBM/sarama": true, "github.com/Shopify/sarama": true}
	confluentPkgs = map[string]bool{"github.com/confluentinc/confluent-kafka-go/kafka": true, "github.com/confluentinc/confluent-kafka-go/v2/kafka": true}
)

const (
	kafkaGoPkg  = "github.com/segmentio/kafka-go"
	franzKgoPkg = "github.com/twmb/franz-go/pkg/kgo"
)

// kafkaConfig is what a package configures on its Kafka producers.
type kafkaConfig struct {
	saramaRetries, saramaIdempotent, writerRetries bool
	confluentRetries, confluentIdempotent          bool
	franzNotIdempotent, franzNoRetries             bool
}

// confluentRetryKeys are librdkafka's names for the producer's retry count.
var confluentRetryKeys = map[string]bool{"retries": true, "message.send.max.retries": true}

// noteKafkaAssign records cfg.Producer.Retry.Max = n,
// cfg.Producer.Idempotent = true and w.MaxAttempts = n.
func (k *kafkaConfig) noteAssign(info *types.Info, lhs, rhs ast.Expr) {
	path, base := selectorPath(lhs)
	if base == nil {
		return
	}
	t := info.TypeOf(base)
	switch {
	case isNamedIn(t, saramaPkgs, "Config") && slices.Equal(path, []string{"Producer", "Retry", "Max"}):
		k.saramaRetries = k.saramaRetries || intAbove(info, rhs, 0)
	case isNamedIn(t, saramaPkgs, "Config") && slices.Equal(path, []string{"Producer", "Idempotent"}):
		k.saramaIdempotent = k.saramaIdempotent || isTrue(info, rhs)
	case isNamed(t, kafkaGoPkg, "Writer") && slices.Equal(path, []string{"MaxAttempts"}):
		k.writerRetries = k.writerRetries || intAbove(info, rhs, 1)
	}
}

// noteComposite records kafka.Writer{MaxAttempts: n} and a confluent
// kafka.ConfigMap{"retries": n, "enable.idempotence": true}.
func (k *kafkaConfig) noteComposite(info *types.Info, cl *ast.CompositeLit) {
	if isNamedIn(info.TypeOf(cl), confluentPkgs, "ConfigMap") {
		for _, elt := range cl.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				k.noteConfluentKey(info, kv.Key, kv.Value)
			}
		}
		return
	}
	if !isNamed(info.TypeOf(cl), kafkaGoPkg, "Writer") {
		return
	}
	for _, v := range keyedValues(cl, "MaxAttempts") {
		k.writerRetries = k.writerRetries || intAbove(info, v, 1)
	}
}

// noteConfluentKey records one librdkafka setting.
func (k *kafkaConfig) noteConfluentKey(info *types.Info, key, value ast.Expr) {
	tv := info.Types[key]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	switch name := constant.StringVal(tv.Value); {
	case confluentRetryKeys[name]:
		k.confluentRetries = k.confluentRetries || intAbove(info, value, 0)
	case name == "enable.idempotence":
		k.confluentIdempotent = k.confluentIdempotent || isTrue(info, value)
	}
}

// noteCall records cm.SetKey("retries", n) and franz-go's client options
// (kgo.DisableIdempotentWrite(), kgo.RecordRetries(0)).
func (k *kafkaConfig) noteCall(info *types.Info, call *ast.CallExpr, fn *types.Func) {
	switch {
	case fn.Name() == "SetKey" && len(call.Args) == 2 && fn.Signature().Recv() != nil && isNamedIn(fn.Signature().Recv().Type(), confluentPkgs, "ConfigMap"):
		k.noteConfluentKey(info, call.Args[0], call.Args[1])
	case pkgOf(fn) == franzKgoPkg && fn.Name() == "DisableIdempotentWrite":
		k.franzNotIdempotent = true
	case pkgOf(fn) == franzKgoPkg && fn.Name() == "RecordRetries" && len(call.Args) == 1 && isZero(info, call.Args[0]):
		k.franzNoRetries = true
	}
}

// isProducerSend reports whether fn sends through a Kafka producer:
// sarama's SyncProducer.SendMessage(s) and AsyncProducer.Input (the
// channel its sends go to), kafka-go's Writer.WriteMessages.
func isProducerSend(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	switch {
	case isNamedIn(recv.Type(), saramaPkgs, "SyncProducer"):
		return fn.Name() == "SendMessage" || fn.Name() == "SendMessages"
	case isNamedIn(recv.Type(), saramaPkgs, "AsyncProducer"):
		return fn.Name() == "Input" // p.Input() <- msg
	case isNamed(recv.Type(), kafkaGoPkg, "Writer"):
		return fn.Name() == "WriteMessages"
	case isNamedIn(recv.Type(), confluentPkgs, "Producer"):
		return fn.Name() == "Produce"
	case isNamed(recv.Type(), franzKgoPkg, "Client"):
		return fn.Name() == "Produce" || fn.Name() == "ProduceSync" || fn.Name() == "TryProduce"
	}
	return false
}

// mechanism names the retry a producer send goes through, or "" when the
// package did not configure one.
func (k *kafkaConfig) mechanism(fn *types.Func) string {
	recv := fn.Signature().Recv()
	switch {
	case (isNamedIn(recv.Type(), saramaPkgs, "SyncProducer") || isNamedIn(recv.Type(), saramaPkgs, "AsyncProducer")) && k.saramaRetries && !k.saramaIdempotent:
		return "sarama's producer retries (Producer.Retry.Max set, Producer.Idempotent off)"
	case isNamed(recv.Type(), kafkaGoPkg, "Writer") && k.writerRetries:
		return "kafka-go's Writer retries (MaxAttempts set; the writer has no idempotent mode)"
	case isNamedIn(recv.Type(), confluentPkgs, "Producer") && k.confluentRetries && !k.confluentIdempotent:
		return "librdkafka's producer retries (retries set, enable.idempotence off)"
	case isNamed(recv.Type(), franzKgoPkg, "Client") && k.franzNotIdempotent && !k.franzNoRetries:
		return "franz-go's record retries (DisableIdempotentWrite set)"
	}
	return ""
}

// keyedValues returns the values a struct literal gives its fields named
// in names (Writer{MaxAttempts: 5} → 5).
func keyedValues(cl *ast.CompositeLit, names ...string) []ast.Expr {
	var out []ast.Expr
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && slices.Contains(names, key.Name) {
				out = append(out, kv.Value)
			}
		}
	}
	return out
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
