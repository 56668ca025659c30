#!/usr/bin/env bash
# 1,000 concurrent POST /v1/answers/stream against a WireMock OpenAI-compatible model that takes 2 s,
# Kira started from $JAR with -Xmx512m (issue 11). Prints completions, time and the server's peak heap.
#   bench/streams.sh                       # builds target/ask-kira.jar if it is missing
#   JAR=/work/bench-before/ask-kira-d846128.jar STREAMS=1000 MODEL_MS=2000 XMX=512m bench/streams.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH="/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH"; fi
JAR=${JAR:-target/ask-kira.jar}
[ -f "$JAR" ] || mvn -q -B -ntp package -DskipTests
WIREMOCK=${WIREMOCK:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar}
[ -f "$WIREMOCK" ] || mvn -q -B -ntp dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2
# The index is built once here (by the first start) and kept for the run, so the figures are serving only.
INDEX=${INDEX:-$(mktemp -d)}
# 1,000 sockets each way in this shell's processes.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
java -cp "$WIREMOCK" bench/Streams.java --jar "$JAR" --index "$INDEX" \
  --streams "${STREAMS:-1000}" --model-ms "${MODEL_MS:-2000}" --xmx "${XMX:-512m}" 2>&1 | grep -v '^WARNING'
