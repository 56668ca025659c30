#!/usr/bin/env bash
# How cost grows with the library (issue 11): for the shipped library and generated ones 10x and
# 100x its size (bench/GenerateLibrary.java), builds the index with the jar's `index` command (timed),
# starts `serve` over that built index (time to /health), measures sequential answer latency over
# REQUESTS unique questions (after a warm-up pass) with the server's CPU per answer, and prints a table.
#   bench/scale.sh                                   # FACTORS="1 10 100", REQUESTS=200
#   FACTORS="1 10" REQUESTS=100 JAR=/work/bench-before/ask-kira-d846128.jar bench/scale.sh
# 100x is about 800 documents and 10,000 passages: its index build embeds every passage and takes
# minutes (10x took 225 s on a 2-core machine shared with other builds). KEEP=1 WORK=DIR keeps the
# libraries and indexes in DIR; a second run with REBUILD=0 WORK=DIR reuses them (and their build times).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH="/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH"; fi
JAR=${JAR:-target/ask-kira.jar}
[ -f "$JAR" ] || mvn -q -B -ntp package -DskipTests
FACTORS=${FACTORS:-1 10 100}
REQUESTS=${REQUESTS:-200}
WORK=${WORK:-$(mktemp -d)}
J=(java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# A process's CPU so far (user + system, every thread), in ms.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); print ($12 + $13) * 1000 / hz}' "/proc/$1/stat"; }

ROWS=()
for F in $FACTORS; do
  LIB=$WORK/library-$F IDX=$WORK/index-$F
  [ -d "$LIB" ] || java bench/GenerateLibrary.java --factor "$F" --out "$LIB" >/dev/null
  docs=$(find "$LIB" -name '*.md' | wc -l)
  mb=$(du -sm "$LIB" | cut -f1)
  echo "== ${F}x: $docs documents ($(du -sh "$LIB" | cut -f1)), building the index ..."
  if [ "${REBUILD:-1}" = 0 ] && [ -f "$WORK/built-$F.txt" ]; then
    read -r build_ms built <"$WORK/built-$F.txt"
    echo "   kept index (REBUILD=0), built earlier in $build_ms ms: $built"
  else
    t0=$(now_ms)
    built=$(KIRA_CORPUS_DIR=$LIB KIRA_INDEX_DIR=$IDX "${J[@]}" -jar "$JAR" index 2>/dev/null | grep -v '^WARNING' | tail -1)
    build_ms=$(( $(now_ms) - t0 ))
    echo "$build_ms $built" >"$WORK/built-$F.txt"
    echo "   $built"
  fi
  chunks=$(sed -n 's/.* as \([0-9]*\) chunks.*/\1/p' <<<"$built")
  PORT=$(free_port)
  t0=$(now_ms)
  KIRA_PORT=$PORT KIRA_HOST=127.0.0.1 KIRA_CORPUS_DIR=$LIB KIRA_INDEX_DIR=$IDX KIRA_RATE_LIMIT_PER_MIN=0 \
    "${J[@]}" -jar "$JAR" serve >"$WORK/serve-$F.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "serve stopped:"; cat "$WORK/serve-$F.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( $(now_ms) - t0 ))
  if grep -qi 'rebuil\|Indexed' "$WORK/serve-$F.log"; then echo "   (serve rebuilt the index: the ready time includes a build)"; fi
  echo "   ready in $ready_ms ms; answering $REQUESTS questions one at a time ..."
  # A first pass warms the JIT; the server's own CPU (from /proc, all its threads, ONNX Runtime's
  # included) over the measured pass is shared out per answer: on a busy machine latency says more
  # about the neighbours than about Kira, CPU much less so. The measured pass begins with Load.java's
  # own 30 answers and 30 searches (counted here as answers; a search costs about half an answer).
  java bench/Load.java --url "http://127.0.0.1:$PORT" --phases sequential --requests "$REQUESTS" >/dev/null
  cpu0=$(server_cpu_ms "$PID")
  out=$(java bench/Load.java --url "http://127.0.0.1:$PORT" --phases sequential --requests "$REQUESTS")
  cpu_ms=$(awk -v a="$cpu0" -v b="$(server_cpu_ms "$PID")" -v n="$REQUESTS" 'BEGIN{printf "%.1f", (b-a)/(n+60)}')
  grep -A2 '^POST /v1/answers  *seq' <<<"$out" | sed 's/^/   /'
  # route (2 words) conns ok/s mean p50 p90 p99 max ...
  read -r mean p50 p99 max < <(awk '$1=="POST" && $3=="seq" {print $5, $6, $8, $9}' <<<"$out")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  ROWS+=("$(printf '%6sx %6s %6s %8s %8s %10s %8s %8s %8s %8s %9s' "$F" "$docs" "${chunks:-?}" "$(du -sm "$IDX" | cut -f1)" \
    "$(awk -v m="$build_ms" 'BEGIN{printf "%.1f", m/1000}')" "$ready_ms" "$mean" "$p50" "$p99" "$max" "$cpu_ms")")
done
echo
echo "library size against cost ($JAR; index build by the jar's index command, wall time; ready = serve start to"
echo "/health with that index built; answers = $REQUESTS unique questions one at a time over HTTP, ms, after a"
echo "pass as long to warm up; cpu/ans = the server's CPU per request of the measured pass, ms)"
printf '%7s %6s %6s %8s %8s %10s %8s %8s %8s %8s %9s\n' library docs chunks index-MB build-s ready-ms mean p50 p99 max cpu/ans
for r in "${ROWS[@]}"; do echo "$r"; done
