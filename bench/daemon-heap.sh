#!/usr/bin/env bash
# Daemon heap benchmark: does the heap after GC stay flat over many watch-triggered runs?
# Generates a corpus (feedwright generate-corpus, fixed seed), starts `feedwright daemon` as a whole
# process with -Xmx256m, the corpus watch on (quietPeriod 200ms) and a schedule that never fires in
# practice, waits for the start run, then RUNS times (default 200) edits the title of one corpus
# file (a different file each time) and waits until the export run it triggers has ended.
# After the start run, after the first edit and every 20 edits it forces a full GC (jcmd GC.run)
# and prints the heap used after it (jcmd GC.heap_info), the process's RSS and the run times since
# the previous row. Exits 1 when the heap after GC at the end is more than 10% (plus 2 MiB) above
# the figure after 20 edits, or when a run failed, timed out or was not started by the watch.
#
# Usage: bench/daemon-heap.sh [articles]               default 2000
#        RUNS=50 bench/daemon-heap.sh 500
#        BENCH_DIR=/var/tmp/fw-daemon bench/daemon-heap.sh   (default target/bench/daemon; wiped first)
#        JAR=/path/feedwright.jar bench/daemon-heap.sh       (a built jar, its lib/ beside it; default
#                                                             target/feedwright.jar, built when missing)
#        DAEMON_JAVA_OPTS="-Xmx128m" bench/daemon-heap.sh    (daemon JVM options; default -Xmx256m)
#        RUN_TIMEOUT=120 bench/daemon-heap.sh                (seconds to wait for one run; default 60)
# Needs jcmd (from the JDK) and jq or python3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${RUNS:-200}"
articles="${1:-2000}"
dir="${BENCH_DIR:-$here/target/bench/daemon}"
jar="${JAR:-$here/target/feedwright.jar}"
java_opts="${DAEMON_JAVA_OPTS:--Xmx256m}"
run_timeout="${RUN_TIMEOUT:-60}"
every=20

if [ ! -f "$jar" ]; then
  [ -n "${JAR:-}" ] && { echo "daemon-heap: JAR=$jar does not exist" >&2; exit 1; }
  mvn -B -q -Dstyle.color=never -DskipTests package >&2
fi
command -v jcmd >/dev/null || { echo "daemon-heap: jcmd not found (it comes with the JDK)" >&2; exit 1; }

# status: prints "runs failures duration_ms cause" of the export job from status.json, or nothing
# while the file does not exist yet.
if command -v jq >/dev/null; then
  status() {
    jq -r '[.jobs.export.runs, .jobs.export.failures, (.lastRuns[0].durationMillis // 0),
            (.lastRuns[0].cause // "-")] | map(tostring) | join(" ")' "$dir/state/status.json" 2>/dev/null || true
  }
else
  status() {
    python3 - "$dir/state/status.json" <<'EOF' 2>/dev/null || true
import json, sys
s = json.load(open(sys.argv[1]))
job, last = s["jobs"]["export"], (s["lastRuns"] or [{}])[0]
print(job["runs"], job["failures"], last.get("durationMillis", 0), last.get("cause", "-"))
EOF
  }
fi

rm -rf "$dir"
mkdir -p "$dir"
started_all="$(date +%s.%N)"
java -jar "$jar" generate-corpus --articles "$articles" --out "$dir/corpus" --seed "$articles" >&2
mapfile -t files < <(find "$dir/corpus" -name '*.md' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "daemon-heap: no corpus files in $dir/corpus" >&2; exit 1; }

# Never fires (Quartz: midnight on 1 January 2099): every run after the start run comes from the watch.
cat >"$dir/feedwright.yaml" <<EOF
corpus:
  dir: "$dir/corpus"
output:
  dir: "$dir/feeds"
state:
  dir: "$dir/state"
schedule:
  export: "0 0 0 1 1 ? 2099"
  runOnStart: true
  watch: true
  quietPeriod: 200ms
logging:
  file: "$dir/daemon.log"
EOF

java $java_opts -jar "$jar" daemon --config "$dir/feedwright.yaml" >"$dir/daemon.out" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap stop EXIT

fail() {
  echo "daemon-heap: $*" >&2
  echo "last lines of $dir/daemon.out:" >&2
  tail -5 "$dir/daemon.out" >&2
  exit 1
}

# await_run N: waits until the export job has ended N runs; sets last_status to its status line.
await_run() {
  local want="$1" deadline=$((SECONDS + run_timeout))
  while :; do
    kill -0 "$pid" 2>/dev/null || fail "the daemon (pid $pid) exited while waiting for run $want"
    last_status="$(status)"
    if [ -n "$last_status" ] && [ "${last_status%% *}" -ge "$want" ]; then
      return
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "export run $want did not end within ${run_timeout}s (status: ${last_status:-none})"
    sleep 0.05
  done
}

# heap_after_gc: prints the heap used (KiB) after two full GCs (the second frees what the first
# left to cleaners). Knows G1 (one line for the whole heap), Serial and Parallel (one per generation).
heap_after_gc() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '
    /garbage-first heap/ { match($0, /used [0-9]+K/); g1 = substr($0, RSTART + 5, RLENGTH - 6); next }
    /(generation|PSYoungGen|ParOldGen) +total/ { match($0, /used [0-9]+K/); gen += substr($0, RSTART + 5, RLENGTH - 6); n++ }
    END { if (g1 != "") print g1; else if (n > 0) print gen; else exit 1 }' \
    || fail "cannot read the heap from jcmd $pid GC.heap_info (an unknown collector?)"
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

await_run 1
read -r start_runs start_failures start_ms start_cause <<<"$last_status"
[ "$start_cause" = start ] || fail "the first run was started by '$start_cause', not 'start'"

echo "== daemon pid $pid ($java_opts), $articles files, $runs edits, quietPeriod 200ms, GC: $(jcmd "$pid" VM.flags -all 2>/dev/null \
  | awk '/ Use(G1|Serial|Parallel|Z|Shenandoah)GC +=.*true/ { print $2 }' | head -1)"
echo "start run: $start_ms ms"
printf '%6s %6s %13s %9s %12s %12s %14s\n' edits runs "heap/GC MiB" "RSS MiB" "run ms mean" "run ms max" "edit->done s"

# row EDITS: one line of the table; run times are those since the previous row.
row_durations=(); row_latencies=()
row() {
  local kib
  kib="$(heap_after_gc)"
  heap_kib+=("$1:$kib")
  local mean=- max=- latency=-
  if [ "${#row_durations[@]}" -gt 0 ]; then
    mean="$(printf '%s\n' "${row_durations[@]}" | awk '{ s += $1 } END { printf "%.0f", s / NR }')"
    max="$(printf '%s\n' "${row_durations[@]}" | sort -n | tail -1)"
    latency="$(printf '%s\n' "${row_latencies[@]}" | awk '{ s += $1 } END { printf "%.2f", s / NR }')"
  fi
  printf '%6d %6d %13s %9s %12s %12s %14s\n' "$1" "$((start_runs + $1))" "$(mib "$kib")" "$(rss_mib)" "$mean" "$max" "$latency"
  row_durations=(); row_latencies=()
}

heap_kib=()
row 0
for i in $(seq 1 "$runs"); do
  victim="${files[$(( (i - 1) % ${#files[@]} ))]}"
  edit_at="$(date +%s.%N)"
  sed -i "0,/^title: \"/s//title: \"Daemon edit $i /" "$victim"
  await_run $((start_runs + i))
  read -r done_runs failures ms cause <<<"$last_status"
  [ "$done_runs" -eq $((start_runs + i)) ] || fail "edit $i gave $((done_runs - start_runs - i + 1)) runs, not one"
  [ "$failures" -eq 0 ] || fail "export run $done_runs failed: see $dir/daemon.log"
  [ "$cause" = watch ] || fail "export run $done_runs was started by '$cause', not by the watch"
  row_durations+=("$ms")
  row_latencies+=("$(awk -v a="$edit_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')")
  if [ "$i" -eq 1 ] || [ $((i % every)) -eq 0 ] || [ "$i" -eq "$runs" ]; then
    row "$i"
  fi
done

# The heap after the first row at or past 20 edits (warmed up) against the last row.
base_edits="" base_kib=""
for entry in "${heap_kib[@]}"; do
  if [ -z "$base_edits" ] && [ "${entry%%:*}" -ge "$every" ]; then
    base_edits="${entry%%:*}"; base_kib="${entry##*:}"
  fi
done
last_entry="${heap_kib[-1]}"
last_edits="${last_entry%%:*}" last_kib="${last_entry##*:}"
first_kib="${heap_kib[0]##*:}"
total="$(awk -v a="$started_all" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')"

echo "heap after GC: $(mib "$first_kib") MiB after the start run, $(mib "$last_kib") MiB after $last_edits edits"
if [ -z "$base_edits" ]; then
  echo "verdict: NO VERDICT: fewer than $every edits, nothing to compare after warm-up (${total}s in all)"
  exit 0
fi
limit_kib="$(awk -v b="$base_kib" 'BEGIN { printf "%.0f", b * 1.10 + 2048 }')"
growth="$(awk -v b="$base_kib" -v l="$last_kib" 'BEGIN { printf "%+.1f MiB (%+.1f%%)", (l - b) / 1024, (l - b) * 100 / b }')"
echo "growth from $base_edits to $last_edits edits: $growth; limit $(mib "$limit_kib") MiB (+10% + 2 MiB)"
if [ "$last_kib" -gt "$limit_kib" ]; then
  echo "verdict: FAIL: the heap after GC grew over $((last_edits - base_edits)) watch runs (${total}s in all)"
  exit 1
fi
echo "verdict: OK: the heap after GC did not grow over $((last_edits - base_edits)) watch runs (${total}s in all)"
