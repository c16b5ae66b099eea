#!/usr/bin/env bash
# Link-check benchmark: 10,000 links from a loopback JDK HttpServer answering after 50 ms, checked with
# the default concurrency (64) and the per-host limit lifted. Runs the benchmark RUNS times (default
# 3), each in its own JVM, and prints each run's figures and the median links/s and peak memory.
# Usage: bench/liveness.sh [links] [delay ms] [concurrency]
#        RUNS=5 bench/liveness.sh; BENCH_JAVA_OPTS=-Xmx64m bench/liveness.sh (default -Xmx1g)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${RUNS:-3}"

mvn -B -q -Dstyle.color=never -DskipTests package >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
classpath="target/classes:$(cat target/bench.classpath)"
rm -rf target/bench-classes
javac -d target/bench-classes -cp "$classpath" bench/src/dev/feedwright/liveness/LivenessBenchmark.java

results=()
for i in $(seq 1 "$runs"); do
  out="$( { /usr/bin/time -v java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "target/bench-classes:$classpath" \
      dev.feedwright.liveness.LivenessBenchmark "$@"; } 2>&1 )"
  line="$(grep '^links=' <<<"$out")"
  rss="$(awk '/Maximum resident set size/ {print $NF}' <<<"$out")"
  echo "run $i: $line max_rss_mib=$((rss / 1024))"
  results+=("$(grep -o 'links_per_s=[0-9]*' <<<"$line" | cut -d= -f2) $(grep -o 'peak_heap_mib=[0-9.]*' <<<"$line" | cut -d= -f2) $((rss / 1024))")
done
median() { sort -n | awk '{ v[NR]=$1 } END { print v[int((NR+1)/2)] }'; }
rate="$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)"
heap="$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)"
rss="$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)"
echo "median of $runs runs: $rate links/s, peak heap $heap MiB, max RSS $rss MiB"
