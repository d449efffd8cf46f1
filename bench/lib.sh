# Shared helpers for the bench/*.sh scripts (sourced, not run).
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ibp="$repo/ibp"

median() { # median of the numbers given as arguments
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'
}

conditions() { # one line: load average, and CPU use of the whole machine over the last second
  local a b
  read -r _ a1 a2 a3 a4 a5 a6 a7 _ < /proc/stat; sleep 1
  read -r _ b1 b2 b3 b4 b5 b6 b7 _ < /proc/stat
  local busy=$(( (b1+b2+b3+b5+b6+b7) - (a1+a2+a3+a5+a6+a7) )) idle=$(( b4 - a4 ))
  echo "load $(cut -d' ' -f1-3 /proc/loadavg); machine busy $(( 100 * busy / (busy + idle + 1) ))% of 2 cores before the run"
}

timed() { # timed OUTFILE cmd...: runs cmd, prints "WALL_S USER_S SYS_S MAXRSS_KB" to stdout, cmd output to OUTFILE
  local out="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$@" >"$out" 2>&1 || { echo "FAILED (see $out)" >&2; cat "$out.time" >&2; return 1; }
  tail -n 1 "$out.time"
}

wait_quiet() { # waits (up to ${IBP_BENCH_WAIT:-120} s) until the machine is below 25% busy; never fails
  local deadline=$(( SECONDS + ${IBP_BENCH_WAIT:-120} )) c
  while (( SECONDS < deadline )); do
    c="$(conditions)"
    [[ "$c" =~ busy\ ([0-9]+)% ]] && (( BASH_REMATCH[1] < 25 )) && break
    sleep 2
  done
}
