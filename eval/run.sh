#!/usr/bin/env bash
# eval/run.sh — run twice over pinned open-source modules and tabulate findings.
#
# Each line of eval/modules.txt is `module@version [package patterns…]`
# (default pattern ./...). The module is downloaded from the Go module proxy
# into a private GOPATH (`go mod download`), copied to a scratch directory (the
# module cache is read-only) and analyzed with `twice -json PATTERNS`. The table
# lists packages, findings per analyzer and wall time; every finding is printed
# below it so it can be reviewed by hand (docs/evaluation.md records the
# verdicts). Packages that fail to load are listed from twice's stderr. A
# module published without go.mod is given one in its copy (go mod init, then
# go mod tidy -e picks the newest versions of its imports).
#
# Usage: eval/run.sh [-list FILE] ['module@version [patterns…]' …]
#   default: every line of eval/modules.txt; -list FILE reads another list of
#   the same format (eval/tune.txt: modules the analyzers may be tuned on;
#   eval/heldout.txt: modules only run to report precision, never tuned on).
# Environment: EVAL_DIR=dir keeps the GOPATH and the analyzed copies there (for
# the hand review and for reruns without downloading again); default: a
# temporary directory removed at exit. EVAL_TWICE=path runs that twice binary
# instead of building one from this tree (to compare two builds).
# EVAL_FLAGS="-unsaferetry.confidence=low" passes analyzer flags to every run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
list=$root/eval/modules.txt
if [ "${1:-}" = -list ]; then
  [ $# -ge 2 ] || { echo "usage: eval/run.sh [-list FILE] ['module@version [patterns…]' …]" >&2; exit 2; }
  list=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2
fi
if [ -n "${EVAL_DIR:-}" ]; then
  mkdir -p "$EVAL_DIR"; work=$(cd "$EVAL_DIR" && pwd)
else
  work=$(mktemp -d)
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
export GOPATH="$work/gopath" GOFLAGS=-mod=mod GOWORK=off
(cd "$root/eval" && go build -o "$work/summarize" ./summarize)  # eval/ is its own module
if [ -n "${EVAL_TWICE:-}" ]; then
  cp "$EVAL_TWICE" "$work/twice"
else
  (cd "$root" && go build -o "$work/twice" ./cmd/twice)
fi

lines=("$@")
if [ ${#lines[@]} -eq 0 ]; then
  mapfile -t lines < <(grep -v '^#' "$list" | grep .)
fi

printf '| module | patterns | packages | unsaferetry | resend | time | exit |\n|---|---|---|---|---|---|---|\n'
: > "$work/findings.txt"
for line in "${lines[@]}"; do
  read -r m patterns <<< "$line"
  patterns=${patterns:-./...}
  dir=$({ go mod download -json "$m" || true; } | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [ -z "$dir" ]; then echo "| $m | $patterns | download failed | | | | |"; continue; fi
  src="$work/src/${m//\//_}"
  if [ ! -d "$src" ]; then
    mkdir -p "$work/src" && cp -r "$dir" "$src" && chmod -R u+w "$src"
    # A version published before modules (no go.mod, often +incompatible)
    # gets one in the copy; its imports are resolved from the proxy when the
    # packages load (GOFLAGS=-mod=mod), as `go mod tidy` would.
    if [ ! -f "$src/go.mod" ]; then
      (cd "$src" && go mod init "${m%@*}" >/dev/null 2>&1 && { go mod tidy -e >/dev/null 2>&1 || true; }) \
        || { echo "| $m | $patterns | go mod init failed | | | | |"; continue; }
    fi
    # Replacements by local path (../..: the module's home repository) do
    # not exist outside that repository; use the published versions.
    (cd "$src" && awk '/=>/ { sub(/^replace[ \t]+/, ""); split($0, side, "=>"); split(side[2], to, " ")
        if (to[1] ~ /^[.\/]/) { split(side[1], from, " "); print from[1] } }' go.mod \
      | while read -r old; do go mod edit -dropreplace="$old"; done)
  fi
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # patterns are a list
  code=0; (cd "$src" && "$work/twice" -json ${EVAL_FLAGS:-} $patterns > "$work/out.json" 2> "$work/err.txt") || code=$?
  end=$(date +%s.%N)
  # shellcheck disable=SC2086
  pkgs=$(cd "$src" && { go list $patterns 2>/dev/null || true; } | wc -l)
  ur=$("$work/summarize" -count unsaferetry < "$work/out.json")
  rs=$("$work/summarize" -count resend < "$work/out.json")
  printf '| %s | %s | %s | %s | %s | %.1fs | %s |\n' "$m" "$patterns" "$pkgs" "$ur" "$rs" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$code"
  "$work/summarize" -root "$src" -module "$m" < "$work/out.json" >> "$work/findings.txt"
  { grep -v '^$' "$work/err.txt" | grep -iv 'warning' | sed "s|^|$m: stderr: |" | head -5; } >> "$work/findings.txt" || true
done
echo
echo '## Findings'
cat "$work/findings.txt"
