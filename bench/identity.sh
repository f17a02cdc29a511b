#!/usr/bin/env bash
# Identity benchmark: bench/identity.sh [people=1000000]
# Builds the app, loads (once per size, kept in target/benchmark/) a labelled base of synthetic people with about
# 5 % messy duplicates, runs the full duplicate scan and prints precision/recall of the automatic and review bands,
# the scan time next to a read floor, and the incremental check of one new customer.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl crm-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx12g -cp "crm-app/target/test-classes:crm-app/target/classes:$(cat crm-app/target/bench.classpath)" \
  io.trinity.bench.IdentityBenchmark "${1:-1000000}"
