#!/usr/bin/env bash
# Targets 1 and 2: the marginal cost of one question in a warm process (hidden `ibp bench`
# subcommand: one AnswerEngine, warm-up, then engine.ask timed per question), and the heap it
# needs: the same bench and a real `ibp ask` under -Xmx limits (IBP_JAVA_OPTS).
#   bench/ask-bench.sh [RUNS] [XMX...]   (default 5 runs; heaps 256m 128m 64m 32m 24m 16m)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"; shift || true
heaps=("${@:-256m 128m 64m 32m 24m 16m}"); heaps=(${heaps[*]})
work="$(mktemp -d /tmp/ibp-ask-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
q="Wanneer moeten gemeenten een planning voor aardgasvrij vaststellen?"

"$ibp" index --full --index "$work/idx" >/dev/null 2>&1
"$ibp" ask --index "$work/idx" "$q" >/dev/null 2>&1 # warm the class-data archive
echo "# $(date -Is) $(nproc) cores; index of the shipped corpus in $work/idx"
p50=() p99=()
for i in $(seq "$runs"); do
  wait_quiet
  cond="$(conditions)"
  "$ibp" bench --index "$work/idx" --warmup 20 --rounds 50 --top 5 >"$work/out" 2>&1
  line="$(grep '^latency' "$work/out")"
  echo "run $i: $line | $(grep '^heap' "$work/out")   [$cond]"
  p50+=("$(sed 's/.* p50 \([0-9.]*\).*/\1/' <<<"$line")"); p99+=("$(sed 's/.* p99 \([0-9.]*\).*/\1/' <<<"$line")")
done
echo "median of $runs runs (default heap): p50 $(median "${p50[@]}") ms, p99 $(median "${p99[@]}") ms"
grep -E '^(questions|open|warmup|timed)' "$work/out"

echo
echo "# heap limits: ibp bench --warmup 10 --rounds 20, and ibp ask, with IBP_JAVA_OPTS=-Xmx..."
for x in "${heaps[@]}"; do
  if IBP_JAVA_OPTS="-Xmx$x" "$ibp" bench --index "$work/idx" --warmup 10 --rounds 20 >"$work/out" 2>&1; then
    b="ok: $(grep '^latency' "$work/out" | sed 's/latency ms //') | $(grep '^heap' "$work/out" | sed 's/heap *//')"
  else
    b="FAILED: $(grep -m1 -E 'OutOfMemory|Error|ibp:' "$work/out" || tail -n 1 "$work/out")"
  fi
  if r="$(timed "$work/ask" env IBP_JAVA_OPTS="-Xmx$x" "$ibp" ask --index "$work/idx" "$q")"; then
    a="ask ok ${r%% *}s, max RSS $(( ${r##* } / 1024 )) MB"
  else
    a="ask FAILED: $(grep -m1 -E 'OutOfMemory|Error|ibp:' "$work/ask" || true)"
  fi
  echo "-Xmx$x  bench $b; $a"
done
