#!/usr/bin/env bash
# Export benchmark. Generates corpora of the real shape (feedwright generate-corpus, fixed seeds), then
# for each size runs, as whole processes (JVM start included), RUNS times (default 3):
#   full     a first export into an empty output and state folder (RSS, Atom and JSON for every feed)
#   rerun    the same export again, nothing changed
#   same     the same export after one file was touched (a new modification time, the same bytes)
#   touched  the same export after one of the oldest corpus files was edited
#   newest   the same export after the newest story's file was edited (it is in the all feed and
#            its topics' and providers' feeds, which are rendered again, reading their items' files)
#   again    the same edit once more: the feeds now remember their items (a full export does not
#            keep them), the case of a daemon whose newest stories keep changing
# and prints, for each, the median wall time, CPU time (user + system), peak RSS and articles per
# second, then every run's wall time. The largest size also runs with -Xmx256m.
#
# Usage: bench/export.sh [sizes...]          default: 7000 50000 200000
#        RUNS=5 bench/export.sh 7000
#        BENCH_DIR=/var/tmp/fw-bench bench/export.sh   (default target/bench; needs ~5 GB for 200000)
#        BENCH_JAVA_OPTS="-Xmx768m" bench/export.sh     (JVM options for every run; default the
#                                                       launcher's default_java_opts)
# Every run goes through ./feedwright, as a user runs it (the jar is built first, so no run builds).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${RUNS:-3}"
dir="${BENCH_DIR:-$here/target/bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(7000 50000 200000)
largest="$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)"

mvn -B -q -Dstyle.color=never -DskipTests package >&2
# The launcher makes its start-up cache on its first start after a build; not in a timed run.
"$here/feedwright" --version >/dev/null
jar="$here/target/feedwright.jar"
launcher_opts="$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$here/feedwright")"
java_opts="${BENCH_JAVA_OPTS-$launcher_opts}"
mkdir -p "$dir"
echo "JVM options: ${java_opts:-none}; $(java -version 2>&1 | head -1); $(nproc) cores"

median() { sort -n | awk '{ v[NR]=$1 } END { print v[int((NR+1)/2)] }'; }

# run LABEL JAVA_OPTS ARGS...: one export as a whole process; prints "wall cpu rss_mib" and a line.
run() {
  local label="$1" opts="$2"; shift 2
  local out
  out="$( { FEEDWRIGHT_JAVA_OPTS="$opts" /usr/bin/time -v "$here/feedwright" export --quiet "$@"; } 2>&1 >/dev/null )" || {
    echo "$out" | tail -20 >&2; echo "export failed" >&2; exit 1; }
  local wall user sys rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' <<<"$out")"
  user="$(awk -F': ' '/User time/ {print $2}' <<<"$out")"
  sys="$(awk -F': ' '/System time/ {print $2}' <<<"$out")"
  rss="$(awk '/Maximum resident set size/ {print int($NF / 1024)}' <<<"$out")"
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $rss"
}

report() {
  local label="$1" articles="$2"; shift 2
  local walls cpus rsss
  walls="$(printf '%s\n' "$@" | cut -d' ' -f1 | median)"
  cpus="$(printf '%s\n' "$@" | cut -d' ' -f2 | median)"
  rsss="$(printf '%s\n' "$@" | cut -d' ' -f3 | median)"
  printf '%-28s wall %7.2f s  cpu %7.2f s  peak rss %5d MiB  %8.0f articles/s   (median of %d: %s)\n' \
    "$label" "$walls" "$cpus" "$rsss" "$(awk -v a="$articles" -v w="$walls" 'BEGIN { print a / w }')" "$runs" \
    "$(printf '%s\n' "$@" | cut -d' ' -f1 | paste -sd' ')"
}

# The files a run edits, put back as they were when it stops midway (a failed export, Ctrl-C), so
# that the next run starts from the generated corpus.
edited=()
restore() {
  local file
  for file in "${edited[@]}"; do
    [ -f "$file" ] && sed -i -E 's/^title: "Bench edit (again )?[0-9]+ /title: "/' "$file"
  done
}
trap restore EXIT
trap 'exit 130' INT TERM

for size in "${sizes[@]}"; do
  corpus="$dir/corpus-$size"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    java -jar "$jar" generate-corpus --articles "$size" --out "$corpus" --seed "$size" >&2
    touch "$corpus/.complete"
  fi
  bytes="$(du -sb "$corpus" | cut -f1)"
  echo "== $size files, $((bytes / 1024 / 1024)) MiB"
  # The newest story: the realistic daemon case, in the all feed, its topics' and providers'.
  latest="$(find "$corpus" -name '*.md' | grep -E '/[0-9]{4}-[0-9]{2}-[0-9]{2}-[^/]*$' | sort | tail -1)"
  articles=""
  option_sets=("$java_opts")
  [ "$size" = "$largest" ] && option_sets+=("$java_opts -Xmx256m")
  for opts in "${option_sets[@]}"; do
    full=(); rerun=(); same=(); touched=(); newest=(); again=()
    for i in $(seq 1 "$runs"); do
      out="$dir/out-$size"; state="$dir/state-$size"
      rm -rf "$out" "$state"
      full+=("$(run full "$opts" --corpus "$corpus" --out "$out" --state "$state")")
      rerun+=("$(run rerun "$opts" --corpus "$corpus" --out "$out" --state "$state")")
      victim="$(find "$corpus" -name '*.md' | sort | sed -n "$((i * 7))p")"
      edited=("$victim" "$latest")
      touch "$victim"
      same+=("$(run same "$opts" --corpus "$corpus" --out "$out" --state "$state")")
      sed -i "0,/^title: \"/s//title: \"Bench edit $i /" "$victim"
      touched+=("$(run touched "$opts" --corpus "$corpus" --out "$out" --state "$state")")
      sed -i "0,/^title: \"/s//title: \"Bench edit $i /" "$latest"
      newest+=("$(run newest "$opts" --corpus "$corpus" --out "$out" --state "$state")")
      sed -i "0,/^title: \"Bench edit $i /s//title: \"Bench edit again $i /" "$latest"
      again+=("$(run again "$opts" --corpus "$corpus" --out "$out" --state "$state")")
      sed -i "0,/^title: \"Bench edit $i /s//title: \"/" "$victim"
      sed -i "0,/^title: \"Bench edit again $i /s//title: \"/" "$latest"
    done
    # The article count, from one more (untimed) export's summary line; once per corpus.
    [ -n "$articles" ] || articles="$(java -jar "$jar" export --corpus "$corpus" --out "$dir/out-$size" \
      --state "$dir/state-$size" 2>/dev/null | sed -n 's/.* \([0-9]*\) articles;.*/\1/p')"
    suffix=""
    [ "$opts" != "$java_opts" ] && suffix=" [${opts#"$java_opts "}]"
    report "full export$suffix" "$articles" "${full[@]}"
    report "rerun, nothing changed$suffix" "$articles" "${rerun[@]}"
    report "rerun, one file touched$suffix" "$articles" "${same[@]}"
    report "rerun, an old file edited$suffix" "$articles" "${touched[@]}"
    report "rerun, the newest file edited$suffix" "$articles" "${newest[@]}"
    report "rerun, the newest file edited again$suffix" "$articles" "${again[@]}"
  done
done
