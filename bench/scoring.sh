#!/usr/bin/env bash
# Scoring benchmark: bench/scoring.sh [customers=100000] [repetitions=3]
# Builds the app, generates (once per size, kept in target/benchmark/) a synthetic base with the demo generator's
# benchmark profile, then prints a markdown table of the full run, PageRank and incremental rescoring next to a
# raw-SQL floor measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmarks are test code of crm-app (not in the product jar): build, then run them on the test class path.
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl crm-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx10g -cp "crm-app/target/test-classes:crm-app/target/classes:$(cat crm-app/target/bench.classpath)" \
  io.trinity.bench.ScoringBenchmark "${1:-100000}" "${2:-3}"
