#!/usr/bin/env bash
# Trains the first triage model from bootstrap labels, reproducibly (fixed seeds, no clock in the labels).
# Labels come only from data whose licence allows it: IndoSum (CC BY-SA 4.0), MEANTIME (CC BY 4.0) and our sample
# articles, read in place from ../shared/eval. Discrepancies are injected into real articles (a date typo, a misspelled
# name) and the findings `check` raises at them are labelled confirmed; findings caused by benign edits (a date written
# another way, a count with "about") and findings of the weak rules on the untouched text are labelled dismissed.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${FACTCHECK_EVAL:-../shared/eval}
out=data/labels/bootstrap.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fc() { dotnet run -c Release --project src/FactCheck.Cli -- "$@"; }
weak=after-publication,year-outlier,narrative-order
fc eval inject --clusters auto:4 --articles "$eval_dir/indosum_sample/articles.jsonl" --seed 1 --labels-out "$tmp/indosum.jsonl" --weak-negatives "$weak"
fc eval inject --clusters auto:5 --articles "$eval_dir/meantime_en/docs.jsonl" --seed 1 --labels-out "$tmp/meantime.jsonl" --weak-negatives "$weak"
fc eval inject --clusters auto:2 --articles data/articles/parler --seed 1 --labels-out "$tmp/parler.jsonl" --weak-negatives "$weak"
cat "$tmp/indosum.jsonl" "$tmp/meantime.jsonl" "$tmp/parler.jsonl" > "$out"
fc train --labels "$out" --out models/triage --force
