# Shared helpers for the bench/ scripts. Source it; it defines functions and nothing runs.
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN_DIR="$(cd "$BENCH_DIR/.." && pwd)"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

need() {
  local missing=()
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 || missing+=("$c"); done
  if ((${#missing[@]})); then
    die "missing: ${missing[*]} (Debian: apt-get update && apt-get install -y nginx-light wrk curl)"
  fi
}

# Nanoseconds since the epoch.
now_ns() { date +%s%N; }

# A free TCP port on 127.0.0.1, starting the search at $1.
free_port() {
  local p=$1
  while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# Builds the app jar when it is missing, or always with BUILD=1; then copies target/quarkus-app
# to $1 so that someone else rebuilding target/ while a benchmark runs cannot disturb it.
snapshot_app() {
  local dest=$1
  if [[ -n "${APP_DIR:-}" ]]; then
    # another build of the app (an experiment): a quarkus-app folder
    [[ -f "$APP_DIR/quarkus-run.jar" ]] || die "no quarkus-run.jar in $APP_DIR"
    rm -rf "$dest"
    cp -r "$APP_DIR" "$dest"
    log "app: $APP_DIR (given with --app), jar built $(date -r "$dest/quarkus-run.jar" '+%F %T')"
    return
  fi
  if [[ "${BUILD:-auto}" == 1 || ! -f "$MAIN_DIR/target/quarkus-app/quarkus-run.jar" ]]; then
    log "building the app: ./mvnw -q -B package -DskipTests"
    (cd "$MAIN_DIR" && ./mvnw -q -B package -DskipTests) >&2 || die "the build failed (someone else's edit in progress? retry in a minute)"
  fi
  rm -rf "$dest"
  cp -r "$MAIN_DIR/target/quarkus-app" "$dest"
  log "app: $(cd "$MAIN_DIR" && git log -1 --format='%h %s' 2>/dev/null | cut -c1-70) (+ uncommitted work tree), jar built $(date -r "$dest/quarkus-run.jar" '+%F %T')"
}

# Starts Dispatch in the background: start_dispatch APPDIR FEEDSDIR PORT LOGFILE [extra JVM args...]
# Sets DISPATCH_PID. The working directory is the log's folder, so no config/ is picked up.
start_dispatch() {
  local app=$1 feeds=$2 port=$3 logf=$4
  shift 4
  (cd "$(dirname "$logf")" && exec ${DISPATCH_TASKSET:-} java "$@" \
      -Ddispatch.feeds-dir="$feeds" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -jar "$app/quarkus-run.jar" >"$logf" 2>&1) &
  DISPATCH_PID=$!
}

# Waits until URL answers 200, polling with curl in a tight loop; fails after $2 seconds or when
# process $3 dies.
wait_for_200() {
  local url=$1 limit=$2 pid=$3
  local deadline=$(($(date +%s) + limit))
  until curl -s -o /dev/null -f "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    (($(date +%s) < deadline)) || return 1
  done
}

# Stops a process we started, by pid: TERM, then KILL after 10 s.
stop_pid() {
  local pid=$1
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# CPU time (user+system, in clock ticks) used so far by the given pids, threads included.
cpu_ticks() {
  local t=0 pid f
  for pid in "$@"; do
    if [[ -r /proc/$pid/stat ]]; then
      f=$(sed 's/.*) //' "/proc/$pid/stat")
      # after the ") " the fields start at 3 (state): utime is field 14, stime 15 => index 12, 13
      t=$((t + $(awk '{print $12 + $13}' <<<"$f")))
    fi
  done
  echo "$t"
}

# Busy and total jiffies of the whole machine, "busy total".
machine_ticks() {
  awk '/^cpu /{busy=$2+$3+$4+$7+$8+$9; total=busy+$5+$6; print busy, total; exit}' /proc/stat
}

# VmRSS of a pid in MB.
rss_mb() { awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

# Heap used after a full GC, in MB: runs GC.run, then reads GC.heap_info.
heap_after_gc_mb() {
  local pid=$1
  jcmd "$pid" GC.run >/dev/null 2>&1 || return 1
  jcmd "$pid" GC.heap_info 2>/dev/null | awk '
    /total .*used/ && !done { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); printf "%.1f", v / 1024; done = 1 } }'
}

# Median of the numbers on stdin (one per line).
median() { sort -g | awk '{a[NR] = $1} END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

machine_summary() {
  echo "date:    $(date -u '+%F %T UTC')"
  echo "machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/^Mem/{print $2}') GiB RAM, kernel $(uname -r)"
  echo "java:    $(java -version 2>&1 | sed -n 2p)"
  echo "nginx:   $(nginx -v 2>&1 | sed 's/.*: //')   wrk: $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at start; machine $(busy_now)% busy over 1 s before starting"
}

# Percentage of the machine's CPU busy over the next second (to see whether something else runs).
busy_now() {
  local a b
  a=$(machine_ticks); sleep 1; b=$(machine_ticks)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}

# Waits until the machine is quiet: less than $1 % busy (default 15) over a 2 s window, at most
# $2 seconds (default 300); the benchmark shares the machine with whatever else runs on it.
# Prints how long it waited and how busy the machine was at the end.
wait_quiet() {
  local max=${1:-15} limit=${2:-300} start a b busy
  start=$(date +%s)
  while :; do
    a=$(machine_ticks); sleep 2; b=$(machine_ticks)
    busy=$(awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }')
    if ((busy < max)); then
      (($(date +%s) - start > 2)) && log "machine quiet (${busy}% busy) after $(($(date +%s) - start)) s"
      return 0
    fi
    if (($(date +%s) - start >= limit)); then
      log "WARNING: machine still ${busy}% busy after ${limit} s of waiting; measuring anyway"
      return 1
    fi
  done
}

# jcmd, tried three times (attaching can fail on a loaded machine); output to stderr on failure.
jcmd_retry() {
  local out
  for _ in 1 2 3; do
    if out=$(jcmd "$@" 2>&1); then return 0; fi
    sleep 1
  done
  log "jcmd $* failed: $(tail -1 <<<"$out")"
  return 1
}
