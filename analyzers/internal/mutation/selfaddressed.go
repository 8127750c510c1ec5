package mutation

import "strings"

// Self-addressed POSTs. Some protocols file what a POST carries under an
// identity computed from the content itself, so a repeat finds it there:
//   - IPFS add (…/ipfs/add, kubo's /api/v0/add): a file is stored under
//     its CID, the hash of its bytes;
//   - a signed transaction submitted to a ledger (…/tx/submit,
//     …/txs/broadcast): the chain identifies it by its hash and refuses a
//     second copy (its inputs or nonce are spent by the first).
//
// A transaction built and signed anew in each attempt is another matter,
// but the request a client retries carries the same signed bytes.

// SelfAddressedPOST reports whether a POST to path submits content the
// receiver identifies by its own hash.
func SelfAddressedPOST(path string) bool {
	segs := pathSegments(strings.ToLower(path))
	n := len(segs)
	if n < 2 {
		return false
	}
	last, prev := segs[n-1], segs[n-2]
	switch {
	case last == "add" && (prev == "ipfs" || n >= 3 && prev == "v0" && segs[n-3] == "api"):
		return true
	case (prev == "tx" || prev == "txs") && (last == "submit" || last == "broadcast" || last == "send"):
		return true
	}
	return false
}
