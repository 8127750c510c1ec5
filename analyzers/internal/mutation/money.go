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

// movesMoney reports whether a create by fn (its name, or for a bare
// Create or New its receiver type), or to path, makes a record of money
// moved: Charge, CreatePayment, Charges.Create, PaymentService.New, POST
// /v1/book_transfers.
func movesMoney(fn *types.Func, path string) bool {
	if fn != nil {
		words := opWords(fn.Name())
		if len(words) == 1 && moneyVerbs[words[0]] {
			return true
		}
		if noun := createdNounOf(fn); len(words) > 0 && createVerbs[words[0]] && len(noun) > 0 && moneyNouns[singular(noun[len(noun)-1])] {
			return true
		}
	}
	if !strings.HasPrefix(path, "/") {
		return false
	}
	words, _, _ := literalPathWords(path)
	return len(words) > 0 && moneyNouns[singular(words[len(words)-1])]
}
