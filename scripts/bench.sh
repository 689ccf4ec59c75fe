#!/usr/bin/env bash
# Whole-process benchmark (issue #11): installs the CLI with scripts/install.sh into $FACTCHECK_BENCH_PREFIX (default
# /tmp/factcheck-bench: the native build, which hands `check` to the JIT build beside it), then times
#   1. `factcheck extract --kinds temporal` on TBAQ docs repeated 10 times (5.5 MB), beside chrono-node on the same documents
#      (scripts/chrono-extract.js; when chrono-node is installed in $CHRONO_DIR, default tools/chrono), interleaved run by run
#   2. `factcheck check` on the same file
#   3. `factcheck check` on the 20,000-article ~5 KB corpus (scripts/make-corpus.py, written to /tmp)
# with /usr/bin/time: wall seconds (median of RUNS), MB/s of input, peak RSS, and CPU use (user+sys)/wall (2.0 = two cores busy).
# The shared corpora are read in place from $FACTCHECK_EVAL (default ../shared/eval), never copied into the repository.
#
# usage: scripts/bench.sh [--runs N] [--skip-build] [--no-20k]
#   install chrono for the comparison: npm install --prefix tools/chrono chrono-node@2.10   (tools/ is git-ignored)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs=3; build=1; big=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    --no-20k) big=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
eval_dir="${FACTCHECK_EVAL:-$here/../shared/eval}"
[ -d "$eval_dir" ] || eval_dir=/work/shared/eval
[ -f "$eval_dir/tempeval3/tbaq_docs.jsonl" ] || { echo "no $eval_dir/tempeval3/tbaq_docs.jsonl; set FACTCHECK_EVAL" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
prefix="${FACTCHECK_BENCH_PREFIX:-/tmp/factcheck-bench}"
if [ "$build" = 1 ]; then
  echo "building as scripts/install.sh does (native build, JIT build in jit/) -> $prefix"
  "$here/scripts/install.sh" --prefix "$prefix" > /tmp/factcheck-bench-build.log 2>&1 || { tail -20 /tmp/factcheck-bench-build.log; exit 1; }
fi
fc="$prefix/bin/factcheck"
work="$(mktemp -d /tmp/factcheck-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

tbaq10="$work/tbaq10.jsonl"
python3 - "$eval_dir/tempeval3/tbaq_docs.jsonl" "$tbaq10" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for r in range(10):
        for l in lines:
            d = json.loads(l); d["id"] = f"{d['id']}#{r}"; f.write(json.dumps(d) + "\n")
PY

chrono_dir="${CHRONO_DIR:-$here/tools/chrono}"
have_chrono=0
if command -v node > /dev/null && [ -d "$chrono_dir/node_modules/chrono-node" ]; then have_chrono=1; fi

# run NAME CMD...: one timed run; appends "wall peakKB user sys" to $work/NAME
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$@" > "$work/out" 2> "$work/err" || true
  cat "$work/t" >> "$work/$name"
}
# report NAME BYTES: median wall, MB/s, peak RSS, CPU use
report() {
  python3 - "$work/$1" "$2" "$1" <<'PY'
import sys, statistics
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip() and l.split()[0][0].isdigit()]
mb = int(sys.argv[2]) / 1e6
wall = statistics.median(r[0] for r in rows); peak = max(r[1] for r in rows) / 1024
cpu = statistics.median((r[2] + r[3]) / r[0] for r in rows if r[0] > 0)
print(f"{sys.argv[3]:<28} {wall:8.2f} s {mb / wall:8.2f} MB/s  peak {peak:7.0f} MB  cpu {cpu:4.2f} cores  ({len(rows)} runs)")
PY
}
median() { python3 -c "import sys,statistics; print(statistics.median(float(l.split()[0]) for l in open(sys.argv[1]) if l.strip()))" "$work/$1"; }

bytes=$(stat -c %s "$tbaq10")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); input $tbaq10 ($bytes bytes)"
for i in $(seq "$runs"); do
  run extract "$fc" extract --kinds temporal "$tbaq10"
  [ "$have_chrono" = 1 ] && CHRONO_DIR="$chrono_dir" run chrono node "$here/scripts/chrono-extract.js" "$tbaq10"
  run extract-1-thread "$fc" extract --kinds temporal --threads 1 "$tbaq10"
done
report extract "$bytes"
report extract-1-thread "$bytes"
if [ "$have_chrono" = 1 ]; then
  report chrono "$bytes"
  python3 -c "import sys; print(f'extract --kinds temporal vs chrono (same run, median wall): {float(sys.argv[2])/float(sys.argv[1]):.2f}x faster (target >= 3x)')" "$(median extract)" "$(median chrono)"
else
  echo "chrono-node not installed ($chrono_dir): npm install --prefix tools/chrono chrono-node@2.10"
fi
for i in $(seq "$runs"); do run check "$fc" check "$tbaq10" --out "$work/out-check"; done
report check "$bytes"

if [ "$big" = 1 ]; then
  corpus=/tmp/fc-corpus-20k.jsonl
  [ -f "$corpus" ] || python3 "$here/scripts/make-corpus.py" --eval "$eval_dir" --out "$corpus"
  cbytes=$(stat -c %s "$corpus")
  run check-20k "$fc" check "$corpus" --out "$work/out-20k"
  report check-20k "$cbytes"
  grep -E "articles checked" "$work/out" || tail -3 "$work/err"
fi
