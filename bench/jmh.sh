#!/usr/bin/env bash
# JMH over the answer path's stages (issue 11): embedding, crisis screen, hybrid search, extractive
# answer, guardrail chain, whole answer. Builds target/bench/benchmarks.jar with -Pbench (the default
# build never compiles the benchmarks), then runs it short by default (JMH_OPTS replaces the
# default "-wi 2 -i 3 -f 1"; JMH refuses an option given twice); other arguments go to JMH as well.
# The forked JVM gets the vector module as `serve` does, so Lucene's dot products are the server's:
#   bench/jmh.sh                                  # every benchmark, 2 warm-up and 3 measured iterations
#   bench/jmh.sh 'guardrailChain|embedQuestion'   # some benchmarks (a regex over the names)
#   JMH_OPTS="-wi 5 -i 10 -f 2 -r 5s" bench/jmh.sh
#   bench/jmh.sh -lprof                           # JMH's own options, e.g. list profilers; -prof gc
#   BUILD=0 bench/jmh.sh                          # reuse target/bench/benchmarks.jar
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH="/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH"; fi
if [ "${BUILD:-1}" = 1 ] || [ ! -f target/bench/benchmarks.jar ]; then
  mvn -q -B -ntp -Pbench package -Dmaven.test.skip=true
fi
# The index is built on first use into target/bench/index and reused while the corpus is unchanged.
java --enable-native-access=ALL-UNNAMED -jar target/bench/benchmarks.jar \
  ${JMH_OPTS:--wi 2 -i 3 -f 1} -jvmArgsAppend "-Dkira.root=$PWD --add-modules jdk.incubator.vector" "$@" 2>&1 | grep -v '^WARNING'
