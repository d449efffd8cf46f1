#!/usr/bin/env bash
# Targets 3 and 4: wall time of `ibp index --full` on the shipped corpus (including JVM start),
# with the class-data archive target/ibp.jsa absent (first run after a build, which also writes
# the archive) and present (every later run), and of `ibp index` on an unchanged corpus.
#   bench/index-time.sh [RUNS]      (default 7; prints every run and the medians)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-7}"
work="$(mktemp -d /tmp/ibp-index-time.XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$ibp" --version >/dev/null 2>&1 # builds the jar if sources changed
echo "# $(date -Is) $(nproc) cores; before: $(conditions)"
cold=() warm=() re=()
for i in $(seq "$runs"); do
  wait_quiet
  cond="$(conditions)"
  rm -f "$repo/target/ibp.jsa"
  rm -rf "$work/idx"
  c="$(timed "$work/out" "$ibp" index --full --index "$work/idx" | cut -d' ' -f1)"
  rm -rf "$work/idx"
  w="$(timed "$work/out" "$ibp" index --full --index "$work/idx" | cut -d' ' -f1)"
  inproc="$(sed -n 's/.*passages, \([0-9.]*\) s$/\1/p' "$work/out")"
  r="$(timed "$work/out" "$ibp" index --index "$work/idx" | cut -d' ' -f1)"
  grep -q "al actueel" "$work/out" || { echo "re-index did rebuild?" >&2; cat "$work/out" >&2; }
  echo "run $i: full (no archive) ${c}s  full (warm archive) ${w}s (in-process ${inproc}s)  re-index unchanged ${r}s   [$cond]"
  cold+=("$c"); warm+=("$w"); re+=("$r")
done
echo "median of $runs: full first-run $(median "${cold[@]}")s, full warm-archive $(median "${warm[@]}")s, re-index $(median "${re[@]}")s"
echo "min:          full first-run $(printf '%s\n' "${cold[@]}" | sort -g | head -1)s, full warm-archive $(printf '%s\n' "${warm[@]}" | sort -g | head -1)s, re-index $(printf '%s\n' "${re[@]}" | sort -g | head -1)s"
