# Sourced by bench/run-all.sh and bench/ready.sh, from the repository's root: JDK 25 when the machine
# has it; the jars to measure in JAR (target/ask-kira.jar, built once, when JAR is not set); a scratch
# folder WORK, removed on exit with the server of PID stopped; free_port and now_ms.
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH="/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH"; fi
if [ -z "${JAR:-}" ]; then
  mvn -q -B -ntp package -DskipTests
  JAR=target/ask-kira.jar
fi
for jar in $JAR; do [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 2; }; done
WORK=$(mktemp -d)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
