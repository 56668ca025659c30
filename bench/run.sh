#!/usr/bin/env bash
# Builds the jar, starts Kira on a spare local port with a fresh index, and measures: time from
# the JVM start to /health answering (index build included), then answer latency and throughput,
# then the output guardrail's cost per model-written answer (GuardBench).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH="/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH"; fi
mvn -q -B package -DskipTests
PORT=${PORT:-7099}
INDEX=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$INDEX"' EXIT
start=$(date +%s%N)
KIRA_PORT=$PORT KIRA_INDEX_DIR=$INDEX KIRA_RATE_LIMIT_PER_MIN=0 \
  java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -jar target/ask-kira.jar serve >/dev/null 2>&1 &
PID=$!
until curl -sf "http://localhost:$PORT/health" >/dev/null; do sleep 0.05; done
echo "startup to /health (with index build): $(( ($(date +%s%N) - start) / 1000000 )) ms"
java bench/LoadGenerator.java "http://localhost:$PORT" src/test/resources/golden/retrieval-dev.json "${REQUESTS:-100}" "${CONCURRENCY:-4}"
# The output guardrail alone, in process, on model-written (paraphrased) answers.
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "target/classes:$(cat target/bench-classpath.txt)" bench/GuardBench.java "$INDEX" 2>/dev/null | grep -v '^WARNING'
