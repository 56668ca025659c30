#!/usr/bin/env bash
# Ready time alone (issue 11: "ready <= 3 s with a built index"), for one jar or several taken in
# turn: builds an index with each jar's `index` command once, starts `serve` over it once unmeasured
# (the database's migrations, the page cache), then RUNS rounds: each jar in turn is started, timed
# from process start to the first GET /health 200, sent one POST /v1/answers (the first answer's
# latency), and stopped. Prints each start and, per jar, the median and max.
#   bench/ready.sh                                               # builds target/ask-kira.jar, 5 starts
#   JAR="/work/bench-before/ask-kira-s7end.jar target/ask-kira.jar" RUNS=7 bench/ready.sh
#   JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/ready.sh           # extra JVM options for serve
#   CDS=1 bench/ready.sh    # each jar with its own AppCDS archive, made by the unmeasured start
#   AOT=1 bench/ready.sh    # each jar with its own JDK 25 AOT cache, made by the unmeasured start
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server-bench.sh
RUNS=${RUNS:-5}
QUESTION=${QUESTION:-Can my employer see my therapy records?}
# shellcheck disable=SC2206
J=(java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector ${JAVA_OPTS:-})

# The JVM options of jar $1's start; $2 is "train" for the unmeasured start that makes an AOT cache.
archive_opts() {
  local name
  name=$(basename "$1" .jar)
  if [ -n "${CDS:-}" ]; then echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$WORK/$name.jsa"; fi
  if [ -n "${AOT:-}" ] && [ "${2:-}" = train ]; then echo "-XX:AOTCacheOutput=$WORK/$name.aot"; fi
  if [ -n "${AOT:-}" ] && [ "${2:-}" != train ]; then echo "-XX:AOTCache=$WORK/$name.aot"; fi
}

# One start of jar $1 ($2: see archive_opts): writes "ready-ms first-answer-ms" to $WORK/result.
start_once() {
  local jar=$1 name port t0 ready t1
  name=$(basename "$jar" .jar)
  # shellcheck disable=SC2207
  local opts=($(archive_opts "$jar" "${2:-}"))
  port=$(free_port)
  t0=$(now_ms)
  KIRA_PORT=$port KIRA_HOST=127.0.0.1 KIRA_INDEX_DIR=$WORK/index-$name KIRA_DB_URL=jdbc:sqlite:$WORK/$name.db \
    KIRA_RATE_LIMIT_PER_MIN=0 "${J[@]}" "${opts[@]}" -jar "$jar" serve >"$WORK/serve-$name.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "serve stopped:" >&2; cat "$WORK/serve-$name.log" >&2; exit 1; }
    sleep 0.02
  done
  ready=$(( $(now_ms) - t0 ))
  t1=$(now_ms)
  curl -sf -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"question\": \"$QUESTION\"}" "http://127.0.0.1:$port/v1/answers"
  echo "$ready $(( $(now_ms) - t1 ))" >"$WORK/result"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"
for jar in $JAR; do
  name=$(basename "$jar" .jar)
  KIRA_INDEX_DIR=$WORK/index-$name "${J[@]}" -jar "$jar" index >/dev/null 2>&1
  start_once "$jar" train
done
declare -A READY ANSWER
for round in $(seq 1 "$RUNS"); do
  for jar in $JAR; do
    start_once "$jar"
    read -r ready answer <"$WORK/result"
    READY[$jar]+="$ready "
    ANSWER[$jar]+="$answer "
    printf 'round %d  %-50s ready %5d ms  first answer %5d ms  (load %s)\n' \
      "$round" "$jar" "$ready" "$answer" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
stats() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median %d, max %d", m, v[NR] }'; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"
for jar in $JAR; do
  printf '%-50s ready: %s (of %d starts); first answer: %s\n' "$jar" \
    "$(echo "${READY[$jar]}" | stats)" "$RUNS" "$(echo "${ANSWER[$jar]}" | stats)"
done
