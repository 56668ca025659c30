#!/usr/bin/env bash
# Issue 11's server measurements in one go, for one jar or several side by side: builds
# target/ask-kira.jar once (unless JAR names the jars), then for each jar: builds an index with its
# `index` command, starts `serve` over it (time to /health = ready with a built index), runs the
# load benchmark (closed loop per route and level, open loop, /health while answers saturate) and
# stops it; then prints a summary table with one column per jar. Each jar's full output is kept in
# target/bench-results/.
#   bench/run-all.sh
#   JAR="/work/bench-before/ask-kira-d846128.jar target/ask-kira.jar" bench/run-all.sh
#   DURATION=3 WARMUP=1 LEVELS=1,8,32 bench/run-all.sh               # a quick pass
#   LOAD_ARGS="--routes answers,search,stream --rate 60" bench/run-all.sh
#   LOAD_ARGS="--settle 120" bench/run-all.sh    # 2 min of answers unmeasured first: the JIT's steady state
# Defaults: WARMUP=2 and DURATION=10 seconds per step, LEVELS=1,8,32,128, routes answers and search.
# The jars take turns on the same machine; nothing else should run meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server-bench.sh
OUT=target/bench-results
mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
J=(java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at $STAMP"
SUMMARIES=()
for jar in $JAR; do
  name=$(basename "$jar" .jar)
  log=$OUT/$name-$STAMP.txt
  idx=$WORK/index-$name
  {
    echo
    echo "######## $jar ($(stat -c %y "$jar" | cut -d. -f1))"
    t0=$(now_ms)
    KIRA_INDEX_DIR=$idx "${J[@]}" -jar "$jar" index 2>/dev/null | grep -v '^WARNING' || true
    echo "index build (the jar's index command, wall): $(( $(now_ms) - t0 )) ms"
    PORT=$(free_port)
    t0=$(now_ms)
    KIRA_PORT=$PORT KIRA_HOST=127.0.0.1 KIRA_INDEX_DIR=$idx KIRA_RATE_LIMIT_PER_MIN=0 \
      "${J[@]}" -jar "$jar" serve >"$WORK/serve-$name.log" 2>&1 &
    PID=$!
    until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
      kill -0 "$PID" 2>/dev/null || { echo "serve stopped:"; cat "$WORK/serve-$name.log"; exit 1; }
      sleep 0.02
    done
    echo "startup to ready (serve start to /health 200, index already built): $(( $(now_ms) - t0 )) ms"
    grep -h 'ready in' "$WORK/serve-$name.log" | sed 's/^/  server: /' || true
    # shellcheck disable=SC2086
    java bench/Load.java --url "http://127.0.0.1:$PORT" --warmup "${WARMUP:-2}" --duration "${DURATION:-10}" \
      --levels "${LEVELS:-1,8,32,128}" ${LOAD_ARGS:-}
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  } 2>&1 | tee "$log"
  # The figures issue 11 sets targets for, from this jar's output.
  SUMMARIES+=("$(awk -v jar="$name" '
    /^startup to ready/ { ready = $(NF-1) }
    /^== closed/ { section = "closed" } /^== open/ { section = "open" } /^== GET \/health/ { section = "health" }
    section == "closed" && $1 == "POST" && $2 == "/v1/answers" && $3 == "32" { a32 = $4; a32p99 = $8; a32mean = $5 }
    section == "closed" && $1 == "POST" && $2 == "/v1/answers" { if ($4 > amax) amax = $4 }
    section == "closed" && $1 == "GET" && $2 == "/v1/search" && $3 == "32" { s32 = $4 }
    section == "open" && $3 == "open" { orate = $4; op99 = $8 }
    section == "health" && $1 == "GET" && $3 == "probe" { hp50 = $6; hp99 = $8; hmax = $9 }
    END {
      printf "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", jar, ready, a32, amax, s32,
        (s32 > 0 ? sprintf("%.0f%%", 100 * a32 / s32) : "-"), a32mean, a32p99,
        (a32mean > 0 ? sprintf("%.2f", a32p99 / a32mean) : "-"), orate " / " op99, hp50 " / " hp99, hmax
    }' "$log")")
done

echo
echo "==== summary (ms unless said; targets from issue 11 in brackets)"
rows=("jar" "ready with a built index [<= 3000]" "answers/s at 32 connections [>= 130]" "answers/s, best level"
  "search/s at 32 connections" "answers/s as a share of search/s [>= 85%]" "answers mean at 32" "answers p99 at 32"
  "p99 / mean at 32 [<= 2]" "open loop: ok/s / p99 [p99 <= 60]" "/health under load: p50 / p99 [p99 <= 20]" "/health under load: max")
for i in "${!rows[@]}"; do
  line=$(printf '%-44s' "${rows[$i]}")
  for s in "${SUMMARIES[@]}"; do
    IFS='|' read -ra f <<<"$s"
    line+=$(printf ' %26s' "${f[$i]}")
  done
  echo "$line"
done
echo "(full output per jar in $OUT/*-$STAMP.txt)"
