#!/usr/bin/env bash
# bench/run.sh — twice's cost against its floor, in one run, on this machine.
#
# For each target (the standard library, twice's own module, and a generated
# 202-package service module) it alternates, RUNS times each:
#   standalone:  floor PKGS            vs  twice PKGS
#   go vet:      go vet -vettool=floor vs  go vet -vettool=twice   (cold: every
#                run starts from a copy of a build cache warmed by `go build`,
#                so vet results are never cached but compiled export data is)
# and prints median wall time, peak RSS and the ratios (target: <= 1.30).
# The floor (bench/floor) is a multichecker whose one analyzer only declares
# a fact type, so it loads and type-checks exactly the packages twice does.
#
# The config targets (config10k, config50k) generate a monorepo of 10,000 or
# 50,000 files (bench/gentree; a tenth are files the checker reads) and
# alternate `twice config` with bench/configfloor, which walks the same tree
# and reads the same files without parsing them (target: <= 1.5; peak RSS
# should not grow with the tree beyond the facts kept per file read).
#
# The mono targets (mono10k, mono50k; issue 11) generate a monorepo of
# products that each run their own PowerJob server (2,600 services at
# 50,000 files) and measure `twice config -format json` against the same
# floor, then print the JSON size per finding (it must not grow with the
# number of servers).
#
# Usage: bench/run.sh [targets…]   (targets: std self gen config10k config50k mono10k mono50k;
#        default std self gen)
#        RUNS=5 MODES=standalone bench/run.sh std   (MODES: standalone vet;
#        default both)
#        RUNS=5 bench/run.sh gen
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-3}
modes=${MODES:-standalone vet}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/twice" ./cmd/twice
go -C bench build -o "$work/floor" ./floor
go -C bench build -o "$work/measure" ./measure
go -C bench build -o "$work/configfloor" ./configfloor
go -C bench run ./gensvc -o "$work/gensvc" -services 40

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(std self gen)

echo "# twice vs floor — $(date -u +%Y-%m-%dT%H:%MZ), $(go version | cut -d' ' -f3), $(nproc) cores, runs=$runs"
echo
for t in "${targets[@]}"; do
  case $t in
    config10k|config50k)
      files=${t#config}; files=${files%k}000
      go -C bench run ./gentree -o "$work/tree-$t" -files "$files"
      # -fail-on none: the generated tree has findings on purpose.
      "$work/measure" -runs "$runs" -C "$work/tree-$t" -label "$t: twice config ($files files)" \
        floor="$work/configfloor ." twice="$work/twice config -fail-on none ."
      rm -rf "$work/tree-$t"
      continue ;;
    mono10k|mono50k)
      # Issue 11's shape: 2,600 services per 50,000 files in products of 20,
      # each product with its own PowerJob server, one service in ten a
      # client configured with its product's server address.
      files=${t#mono}; files=${files%k}000; services=$((files * 2600 / 50000))
      go -C bench run ./gentree -o "$work/tree-$t" -files "$files" -services "$services"
      "$work/measure" -runs "$runs" -C "$work/tree-$t" -label "$t: twice config -format json ($files files, $services services)" \
        floor="$work/configfloor ." twice="$work/twice config -fail-on none -format json . > '$work/out-$t.json'"
      findings=$(grep -c '^      "rule":' "$work/out-$t.json" || true)
      bytes=$(wc -c < "$work/out-$t.json")
      echo "$t: JSON output $bytes bytes, $findings findings, $((bytes / (findings > 0 ? findings : 1))) bytes per finding"
      echo
      rm -rf "$work/tree-$t" "$work/out-$t.json"
      continue ;;
    std)  dir=$root; pkgs=std ;;
    self) dir=$root; pkgs=./... ;;
    gen)  dir=$work/gensvc; pkgs=./... ;;
    *) echo "unknown target $t (want std, self, gen, config10k, config50k, mono10k or mono50k)" >&2; exit 2 ;;
  esac
  if [[ " $modes " == *" standalone "* ]]; then
    "$work/measure" -runs "$runs" -C "$dir" -label "$t: standalone" \
      floor="$work/floor $pkgs" twice="$work/twice $pkgs"
  fi
  [[ " $modes " == *" vet "* ]] || continue
  (cd "$dir" && GOCACHE="$work/warm-$t" go build $pkgs >/dev/null 2>&1 || true)
  "$work/measure" -runs "$runs" -C "$dir" -label "$t: go vet -vettool (cold vet cache)" \
    -setup "rm -rf '$work/cache' && cp -a '$work/warm-$t' '$work/cache'" \
    floor="GOCACHE='$work/cache' go vet -vettool='$work/floor' $pkgs" \
    twice="GOCACHE='$work/cache' go vet -vettool='$work/twice' $pkgs"
  rm -rf "$work/warm-$t" "$work/cache"
done
