#!/usr/bin/env bash
# FHIR search benchmark on the embedded store: scripts/search-bench.sh N [seconds] [concurrency] [heap]
# Loads /tmp/synthN (generated first if missing: fhir-trials.jar generate --count N --seed 1) into the
# real server (target/fhir-trials.jar, its own JVM) and measures search over HTTP on loopback.
# See docs/benchmarks.md, "FHIR search (embedded store)". SEARCH_BENCH_JAR=path runs another build
# of the server (to compare two builds back to back); SEARCH_BENCH_SERVER_OPTS adds JVM options to
# the server (e.g. -XX:StartFlightRecording=filename=/tmp/search.jfr to profile it).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: scripts/search-bench.sh N [seconds] [concurrency] [heap]}
DATA=${SEARCH_BENCH_DATA:-/tmp/synth$N}
[ -f target/fhir-trials.jar ] || ./mvnw -q -o -DskipTests package
[ -d "$DATA" ] || java -jar target/fhir-trials.jar generate --count "$N" --seed 1 --out "$DATA"
# the load generator is plain JDK (java.net.http), run from source
exec java -Xmx512m src/test/java/org/fhirtrials/search/SearchBenchmark.java "$DATA" "$N" "${2:-10}" "${3:-8}" "${4:-2g}"
