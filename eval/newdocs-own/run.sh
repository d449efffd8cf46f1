#!/usr/bin/env bash
# Our own held-out style set of new documents (written by the team, not in ../shared): the same
# kind of measurement as ../shared/eval/newdocs/tools/run.sh, with its scoring tools.
#   eval/newdocs-own/run.sh [SET]      (from the project root; SET is a folder like this one,
#                                       with corpus/, questions.jsonl and agreements.jsonl:
#                                       default this folder, e.g. eval/newdocs-own2)
# Indexes the shipped corpus plus these files into a temporary folder, asks the questions, lists
# the agreements and scores both. Re-render the documents from src/ with
# /usr/bin/python3 ../shared/eval/newdocs/tools/render.py eval/newdocs-own
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$(cd "${1:-$root/eval/newdocs-own}" && pwd)"
tools="${IBP_NEWDOCS_TOOLS:-$root/../shared/eval/newdocs/tools}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ibp-newdocs-own.XXXXXX")"
mkdir -p "$work/C"
cp -r "$root"/corpus/. "$work/C/"
cp "$here"/corpus/* "$work/C/"
cd "$root"
./ibp index --corpus "$work/C" --index "$work/I" | tail -n 5
python3 -c 'import json,sys;[print(json.loads(l)["question"]) for l in open(sys.argv[1])]' "$here/questions.jsonl" \
  | ./ibp ask --index "$work/I" --top 10 --jsonl > "$work/answers.jsonl"
./ibp afspraken --corpus "$work/C" --index "$work/I" --json > "$work/afspraken.jsonl"
python3 "$tools/score.py" "$here/questions.jsonl" "$work/answers.jsonl" --misses
python3 "$tools/score_agreements.py" "$here/agreements.jsonl" "$work/afspraken.jsonl" --misses
echo "work folder: $work"
