#!/usr/bin/env bash
# Scoring benchmark: bench/scoring.sh [customers=100000] [repetitions=3]
# Builds the app, generates (once per size, kept in target/benchmark/) a synthetic base with the demo generator's
# benchmark profile, then prints a markdown table of the full run, PageRank and incremental rescoring next to a
# raw-SQL floor measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec java -Xmx10g -cp crm-app/target/trinity.jar -Dloader.main=io.trinity.app.benchmark.ScoringBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "${1:-100000}" "${2:-3}"
