#!/usr/bin/env bash
# Target 5: indexing throughput as the corpus grows. For each factor N builds an N-times corpus
# with bench/make-corpus.py (cached in $IBP_BENCH_DIR, default /tmp/ibp-growth), then times
# `ibp index --full` into a fresh index (wall time including JVM start, warm start-up cache).
# Also prints the CPU time (user + system, of the indexer and its Tika workers): on a shared
# machine it says what the run cost when the wall time says mostly how busy the others were.
#   bench/index-growth.sh [FACTOR...]     (default: 1 10 100 1000)
# Environment: RUNS (runs per factor, default 3 up to 10x and 1 above), IBP_JAVA_OPTS (e.g. -Xmx2g,
# passed to java by the launcher), IBP_BENCH_WAIT (seconds to wait for a quiet machine, default 120).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
factors=("${@:-1 10 100 1000}"); factors=(${factors[*]})
dir="${IBP_BENCH_DIR:-/tmp/ibp-growth}"
mkdir -p "$dir"

# Build if needed, and let an index run (not e.g. --version) write the class-data archive, as
# the launcher archives the classes of whichever command runs first after a build.
"$ibp" --version >/dev/null 2>&1
rm -f "$repo/target/ibp.jsa"
"$ibp" index --full --index "$dir/index-warm" >/dev/null 2>&1; rm -rf "$dir/index-warm"
echo "# $(date -Is) $(nproc) cores; IBP_JAVA_OPTS='${IBP_JAVA_OPTS:-}'"
printf '%-6s %6s %9s %9s %9s %8s %10s %8s %10s %10s %s\n' factor docs passages "text MB" "wall s" "CPU s" "passages/s" "MB/s" "index" "max RSS" "runs (wall s; load)"
for n in "${factors[@]}"; do
  corpus="$dir/corpus-$n"
  if [ ! -f "$corpus/.done" ]; then
    python3 "$repo/bench/make-corpus.py" "$n" "$corpus" 2>/dev/null
    touch "$corpus/.done"
  fi
  mb="$(find "$corpus" -name '*.txt' ! -name '_*' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')"
  runs="${RUNS:-$([ "$n" -le 10 ] && echo 3 || echo 1)}"
  walls=() cpus=() loads=() rss=0
  for i in $(seq "$runs"); do
    rm -rf "$dir/index-$n"
    wait_quiet
    cond="$(conditions)"; pre_load="$(cut -d' ' -f1 /proc/loadavg)"
    if ! r="$(timed "$dir/out-$n" "$ibp" index --full --index "$dir/index-$n" --corpus "$corpus")"; then
      echo "$n: FAILED after $(cut -d' ' -f1 "$dir/out-$n.time" 2>/dev/null)s: $(grep -m1 -E 'OutOfMemory|ibp:|Exception' "$dir/out-$n" || tail -n 2 "$dir/out-$n")   [$cond]"
      continue 2
    fi
    read -r wall_s user_s sys_s rss_kb <<<"$r"
    walls+=("$wall_s"); cpus+=("$(echo "$user_s + $sys_s" | bc -l)"); (( rss_kb > rss )) && rss="$rss_kb"
    loads+=("${wall_s}s@load$pre_load")
    echo "  $n x run $i: ${wall_s}s wall, ${user_s}+${sys_s}s CPU  [$cond; after: load $(cut -d' ' -f1-3 /proc/loadavg)]" >&2
  done
  wall="$(median "${walls[@]}")"
  read -r docs passages < <(sed -n 's/^ *\([0-9]*\) documenten, \([0-9]*\) passages.*/\1 \2/p' "$dir/out-$n")
  size="$(du -sh "$dir/index-$n"/gen-* | cut -f1)"
  printf '%-6s %6s %9s %9s %9s %8.1f %10.0f %8.2f %10s %7d MB %s\n' "${n}x" "$docs" "$passages" "$mb" "$wall" \
    "$(median "${cpus[@]}")" "$(echo "$passages / $wall" | bc -l)" "$(echo "$mb / $wall" | bc -l)" "$size" $(( rss / 1024 )) \
    "${loads[*]}"
  grep -E 'documenten, .* passages' "$dir/out-$n" | sed 's/^ */         in-process: /' >&2
done
