#!/usr/bin/env bash
# eval/heavy.sh — twice on one heavy package (a package importing a large SDK)
# against the no-op floor (bench/floor), and optionally against another twice
# build, in one run on this machine.
#
# The commands are run alternately RUNS times each (floor, twice A, twice B,
# floor, …) so that a burst of load slows every side, and the medians of wall
# time, CPU time (user+sys: much less sensitive than wall time to other jobs on
# a shared machine) and peak RSS are printed with ratios to the floor.
#
# Usage: eval/heavy.sh DIR PATTERN name=TWICE_BINARY [name=TWICE_BINARY…]
#   e.g. eval/heavy.sh /tmp/s3manager . base=/tmp/twice-old new=/tmp/twice-new
# DIR is a module directory where `go list PATTERN` works (its dependencies
# downloaded); the floor is built from this tree. RUNS (default 5).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 3 ] || { echo "usage: eval/heavy.sh DIR PATTERN name=TWICE_BINARY…" >&2; exit 2; }
dir=$1 pattern=$2; shift 2
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root/bench" && go build -o "$work/floor" ./floor)  # bench/ is its own module

names=(floor) bins=("$work/floor")
for a in "$@"; do names+=("${a%%=*}"); bins+=("${a#*=}"); done

for ((r = 1; r <= runs; r++)); do
  for i in "${!names[@]}"; do
    # wall seconds, CPU seconds, peak KiB; exit status not judged (twice exits 3 on findings)
    (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/t" "${bins[$i]}" "$pattern" >/dev/null 2>&1) || true
    read -r wall user sys rss < "$work/t"
    echo "${names[$i]} $wall $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') $rss" >> "$work/all"
  done
done

median() { sort -g | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
echo "# heavy package: $dir $pattern — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), runs=$runs"
printf '| command | wall median (min–max) | wall ratio | CPU median (min–max) | CPU ratio | peak RSS | RSS ratio |\n|---|---|---|---|---|---|---|\n'
fw=$(awk '$1=="floor"{print $2}' "$work/all" | median)
fc=$(awk '$1=="floor"{print $3}' "$work/all" | median)
fr=$(awk '$1=="floor"{print $4}' "$work/all" | median)
for n in "${names[@]}"; do
  w=$(awk -v n="$n" '$1==n{print $2}' "$work/all" | median)
  c=$(awk -v n="$n" '$1==n{print $3}' "$work/all" | median)
  m=$(awk -v n="$n" '$1==n{print $4}' "$work/all" | median)
  wr=$(awk -v n="$n" '$1==n{print $2}' "$work/all" | sort -g | awk 'NR==1{a=$1} {b=$1} END{print a "–" b}')
  cr=$(awk -v n="$n" '$1==n{print $3}' "$work/all" | sort -g | awk 'NR==1{a=$1} {b=$1} END{print a "–" b}')
  awk -v n="$n" -v w="$w" -v c="$c" -v m="$m" -v wr="$wr" -v cr="$cr" -v fw="$fw" -v fc="$fc" -v fr="$fr" \
    'BEGIN{printf "| %s | %.1fs (%s) | %.2f | %.1fs (%s) | %.2f | %.0f MiB | %.2f |\n", n, w, wr, w/fw, c, cr, c/fc, m/1024, m/fr}'
done
