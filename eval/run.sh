#!/usr/bin/env bash
# eval/run.sh — run twice over pinned open-source modules and tabulate findings.
#
# Each module in eval/modules.txt is downloaded from the Go module proxy into a
# private GOPATH (`go mod download`), copied to a scratch directory (the module
# cache is read-only) and analyzed with `twice -json ./...`. The table lists
# packages, findings per analyzer and wall time; every finding is printed below
# it so it can be reviewed by hand (docs/evaluation.md records the verdicts).
#
# Usage: eval/run.sh [module@version …]     (default: eval/modules.txt)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export GOPATH="$work/gopath" GOFLAGS=-mod=mod GOWORK=off
(cd "$root" && go build -o "$work/twice" ./cmd/twice && go build -o "$work/summarize" ./eval/summarize)

mods=("$@")
if [ ${#mods[@]} -eq 0 ]; then
  mapfile -t mods < <(grep -v '^#' "$root/eval/modules.txt" | grep .)
fi

printf '| module | packages | unsaferetry | resend | time |\n|---|---|---|---|---|\n'
: > "$work/findings.txt"
for m in "${mods[@]}"; do
  dir=$(go mod download -json "$m" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [ -z "$dir" ]; then echo "| $m | download failed | | | |"; continue; fi
  mkdir -p "$work/src"; src="$work/src/${m//\//_}"
  cp -r "$dir" "$src" && chmod -R u+w "$src"
  start=$(date +%s.%N)
  (cd "$src" && "$work/twice" -json ./... > "$work/out.json" 2> "$work/err.txt") || true
  end=$(date +%s.%N)
  pkgs=$(cd "$src" && go list ./... 2>/dev/null | wc -l)
  ur=$("$work/summarize" -count unsaferetry < "$work/out.json")
  rs=$("$work/summarize" -count resend < "$work/out.json")
  printf '| %s | %s | %s | %s | %.1fs |\n' "$m" "$pkgs" "$ur" "$rs" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')"
  "$work/summarize" -root "$src" -module "$m" < "$work/out.json" >> "$work/findings.txt"
  grep -v '^$' "$work/err.txt" | grep -iv 'warning' | sed "s|^|$m: stderr: |" | head -5 >> "$work/findings.txt" || true
done
echo
echo '## Findings'
cat "$work/findings.txt"
