#!/usr/bin/env bash
# bench/robust.sh — twice must not panic on real code and must be deterministic.
#
#   panics:       twice over the standard library (`std`) and over every
#                 package of twice's own dependency graph (`go list -deps
#                 ./...` from the repository root: x/tools, yaml, … and std;
#                 with -test=false, since the dependencies' own tests import
#                 modules that are not in twice's go.sum);
#                 the run passes when twice exits 0 or 3 and its stderr has no
#                 "panic" (an analyzer panic is recovered by the driver and
#                 printed as an error, exit 1).
#   determinism:  `twice -json` twice on the same input (the generated
#                 202-package service module and twice's own module) must
#                 give byte-identical output; RUNS (default 3) runs each.
#
# Usage: bench/robust.sh [checks…]   (checks: std deps determinism; default all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/twice" ./cmd/twice
status=0

# nopanic LABEL DIR ARGS… runs twice and judges exit code and stderr.
nopanic() {
  local label=$1 dir=$2; shift 2
  local code=0 start end
  start=$(date +%s)
  (cd "$dir" && "$work/twice" "$@" > "$work/$label.out" 2> "$work/$label.err") || code=$?
  end=$(date +%s)
  local diags
  diags=$(grep -c '' "$work/$label.err" || true)
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ] || grep -qi 'panic' "$work/$label.err"; then
    echo "FAIL $label: exit $code after $((end-start))s; stderr:"; head -20 "$work/$label.err"; status=1
  else
    echo "ok   $label: exit $code after $((end-start))s, $diags diagnostic lines, no panic"
  fi
}

checks=("$@")
[ ${#checks[@]} -gt 0 ] || checks=(std deps determinism)
for c in "${checks[@]}"; do
  case $c in
    std) nopanic std "$root" std ;;
    deps)
      mapfile -t pkgs < <(go list -deps ./... | grep -v "^github.com/twice-lint/twice")
      echo "     deps: ${#pkgs[@]} packages"
      nopanic deps "$root" -test=false "${pkgs[@]}" ;;
    determinism)
      go -C bench run ./gensvc -o "$work/gensvc" -services 40
      for target in "gensvc:$work/gensvc" "self:$root"; do
        name=${target%%:*} dir=${target#*:}
        for i in $(seq "$runs"); do
          (cd "$dir" && "$work/twice" -json ./... > "$work/$name.$i.json" 2>/dev/null) || true
        done
        bytes=$(wc -c < "$work/$name.1.json")
        same=1
        for i in $(seq 2 "$runs"); do cmp -s "$work/$name.1.json" "$work/$name.$i.json" || same=0; done
        if [ $same -eq 1 ] && [ "$bytes" -gt 2 ]; then
          diags=$(grep -c '"posn"' "$work/$name.1.json" || true)
          echo "ok   determinism $name: $runs runs of twice -json ./... byte-identical ($bytes bytes, $diags diagnostics, sha256 $(sha256sum < "$work/$name.1.json" | cut -c1-16))"
        else
          echo "FAIL determinism $name: outputs differ or are empty ($bytes bytes)"; status=1
          diff "$work/$name.1.json" "$work/$name.2.json" | head -20 || true
        fi
      done ;;
    *) echo "unknown check $c (want std, deps or determinism)" >&2; exit 2 ;;
  esac
done
exit $status
