#!/usr/bin/env bash
# Issue 8 point 9: the cost of a re-index after adding one document to an N-times corpus.
#   bench/reindex-one.sh [N]     (default 100)
# Builds the N-times corpus and an (N+1)-times one with bench/make-corpus.py (cached in
# $IBP_BENCH_DIR, default /tmp/ibp-growth), indexes the N-times corpus fully, adds one document of
# copy N (a perturbed copy: passages the index has not seen), and times `ibp index` (incremental).
# Prints wall and CPU time of both runs and what the re-index read again (Tika extractions and
# passages whose agreements were not in the cache, from the indexer's log).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n="${1:-100}"
dir="${IBP_BENCH_DIR:-/tmp/ibp-growth}"
mkdir -p "$dir"
for m in "$n" "$((n + 1))"; do
  if [ ! -f "$dir/corpus-$m/.done" ]; then
    python3 "$repo/bench/make-corpus.py" "$m" "$dir/corpus-$m" 2>/dev/null
    touch "$dir/corpus-$m/.done"
  fi
done
work="$dir/reindex-$n"
rm -rf "$work"; mkdir -p "$work"
cp -r "$dir/corpus-$n" "$work/C"
"$ibp" --version >/dev/null 2>&1
echo "# $(date -Is) $(nproc) cores; IBP_JAVA_OPTS='${IBP_JAVA_OPTS:-}'"
wait_quiet
echo "full index of ${n}x: $(timed "$work/full" env IBP_LOG_LEVEL=INFO "$ibp" index --full --index "$work/I" --corpus "$work/C") (wall user sys maxrss_kb)   [$(conditions)]"
grep -E 'documenten, .* passages' "$work/full"
new="$(printf 'c%04d' "$n")"
mkdir -p "$work/C/$new"
cp "$dir/corpus-$((n + 1))/$new/lbr-18-004-stand-van-zaken-ibp.txt"* "$work/C/$new/"
wait_quiet
echo "re-index after adding $new/lbr-18-004-stand-van-zaken-ibp.txt: $(timed "$work/re" env IBP_LOG_LEVEL=INFO "$ibp" index --index "$work/I" --corpus "$work/C") (wall user sys maxrss_kb)   [$(conditions)]"
grep -E 'toegevoegd: [0-9]|documenten, .* passages' "$work/re"
grep -E 'extracted and cut|read [0-9]+ passages|wrote [0-9]+ passages|rebuilt|compound dictionary|copied|analysed again' "$work/re" | sed 's/^[0-9:.]* INFO *//'
