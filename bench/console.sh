#!/usr/bin/env bash
# Console benchmark: bench/console.sh [customers=100000] [requests=200]
# Builds the app, reuses (or generates once, in target/benchmark/) the same synthetic base as bench/scoring.sh,
# scores it once if needed, signs in through the login form and prints p50/p95/p99 page times for the marketing
# dashboard (page 1, page 10,000, filtered), the customer profile and the PR inbox, next to the login page.
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmarks are test code of crm-app (not in the product jar): build, then run them on the test class path.
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl crm-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx10g -cp "crm-app/target/test-classes:crm-app/target/classes:$(cat crm-app/target/bench.classpath)" \
  io.trinity.bench.ConsoleBenchmark "${1:-100000}" "${2:-200}"
