package mutation

import (
	"go/types"
	"strings"
)

// Creates that move money. A second charge, payment, payout, transfer or
// refund moves the money again, and payment APIs take no name or key of
// the caller's for one in its body: they deduplicate only by an
// idempotency key, which twice reads as evidence on its own. So a create
// of one is certain whatever showed it (a name, a path), where other
// creates read from a name or a path are checks (Judgement.Certain).

// moneyNouns are the records of money moved, singular.
var moneyNouns = map[string]bool{
	"charge": true, "payment": true, "payout": true, "transfer": true, "refund": true,
	"disbursement": true, "withdrawal": true, "remittance": true,
}

// moneyVerbs name an operation that moves money by themselves (Charge,
// Pay, Refund), with no noun after them.
var moneyVerbs = map[string]bool{"charge": true, "pay": true, "payout": true, "refund": true, "disburse": true, "withdraw": true}

// movesMoney reports whether a create by fn (its name), or to path, makes
// a record of money moved: Charge, CreatePayment, POST /v1/book_transfers.
func movesMoney(fn *types.Func, path string) bool {
	if fn != nil {
		words := opWords(fn.Name())
		switch {
		case len(words) == 1 && moneyVerbs[words[0]]:
			return true
		case len(words) > 1 && createVerbs[words[0]] && moneyNouns[singular(words[len(words)-1])]:
			return true
		case len(words) == 1 && createVerbs[words[0]] && moneyReceiver(fn):
			return true // Charges.Create, PaymentService.New
		}
	}
	if !strings.HasPrefix(path, "/") {
		return false
	}
	last := ""
	for _, s := range pathSegments(path) {
		if s != "" && !strings.Contains(s, "{") {
			last = s
		}
	}
	words := nameWords(last)
	return len(words) > 0 && moneyNouns[singular(words[len(words)-1])]
}

// serviceWords end the names of the types whose methods act on one kind of
// resource (PaymentService, ChargesClient, TransferAPI).
var serviceWords = map[string]bool{"service": true, "client": true, "api": true, "resource": true, "manager": true}

// moneyReceiver reports whether fn is a method of a type named for records
// of money moved: Charges, PaymentService.
func moneyReceiver(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	n, ok := types.Unalias(deref(recv.Type())).(*types.Named)
	if !ok {
		return false
	}
	words := nameWords(n.Obj().Name())
	for len(words) > 1 && serviceWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return len(words) > 0 && moneyNouns[singular(words[len(words)-1])]
}
